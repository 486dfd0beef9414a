import { describe, expect, it } from 'vitest';
import { parseRequestQuery, parseW3Date } from '../../../../src/web/open311/request-query.js';

const now = new Date('2026-12-10T04:00:00Z');

describe('parseRequestQuery', () => {
  it('defaults to every service and status over the last 90 days', () => {
    expect(parseRequestQuery({}, now)).toEqual({
      success: true,
      data: {
        kind: 'search',
        codes: null,
        statuses: null,
        from: new Date('2026-09-11T04:00:00Z'),
        to: undefined,
      },
    });
  });

  it('reads comma-separated service codes and statuses into ticket statuses', () => {
    const parsed = parseRequestQuery({ service_code: 'elevator, road_facility', status: 'closed' }, now);

    expect(parsed).toMatchObject({
      success: true,
      data: { codes: ['elevator', 'road_facility'], statuses: ['closed', 'merged', 'cancelled'] },
    });
  });

  it('takes the dates as bounds, the end inclusive, and counts 90 days back from end_date alone', () => {
    const both = parseRequestQuery(
      { start_date: '2026-12-01T00:00:00+08:00', end_date: '2026-12-02T00:00:00+08:00' },
      now,
    );
    const endOnly = parseRequestQuery({ end_date: '2026-12-01' }, now);

    expect(both).toMatchObject({
      data: { from: new Date('2026-11-30T16:00:00Z'), to: new Date('2026-12-01T16:00:00.001Z') },
    });
    expect(endOnly).toMatchObject({
      data: { from: new Date('2026-09-02T16:00:00Z'), to: new Date('2026-12-01T16:00:00Z') },
    });
  });

  it('lets service_request_id override every other filter', () => {
    expect(parseRequestQuery({ service_request_id: '3,5', status: 'nonsense' }, now)).toEqual({
      success: true,
      data: { kind: 'ids', ids: [3, 5] },
    });
  });

  it('refuses unknown codes, statuses, dates and ids with a description naming the value', () => {
    const errorOf = (q: Record<string, string>) => {
      const r = parseRequestQuery(q, now);
      return r.success ? null : r.error;
    };

    expect(errorOf({ service_code: 'elevator,lift' })).toContain('lift');
    expect(errorOf({ status: 'pending' })).toContain('pending');
    expect(errorOf({ start_date: 'yesterday' })).toContain('start_date');
    expect(errorOf({ end_date: '2026-02-30' })).toContain('end_date');
    expect(errorOf({ start_date: '2026-12-05', end_date: '2026-12-01' })).toContain('早于');
    expect(errorOf({ service_request_id: '3,x' })).toContain('x');
  });
});

describe('parseW3Date', () => {
  it('reads offsets, Z, China time without a zone, a bare day, and a + sent unencoded as a space', () => {
    expect(parseW3Date('2026-12-01T09:00:00Z', 'start')).toEqual(new Date('2026-12-01T09:00:00Z'));
    expect(parseW3Date('2026-12-01T09:00:00-0500', 'start')).toEqual(new Date('2026-12-01T14:00:00Z'));
    expect(parseW3Date('2026-12-01T09:00', 'start')).toEqual(new Date('2026-12-01T01:00:00Z'));
    expect(parseW3Date('2026-12-01 09:00:00 08:00', 'start')).toEqual(new Date('2026-12-01T01:00:00Z'));
    expect(parseW3Date('2026-12-01', 'start')).toEqual(new Date('2026-11-30T16:00:00Z'));
    expect(parseW3Date('2026-12-01', 'end')).toEqual(new Date('2026-12-01T16:00:00Z'));
  });

  it('refuses what is not a time', () => {
    for (const bad of ['', '12/01/2026', '2026-13-01', '2026-12-01T25:00', '2026-12-01T09:00+8']) {
      expect(parseW3Date(bad, 'start')).toBeUndefined();
    }
  });
});
