import { describe, expect, it } from 'vitest';
import { periodRange, previousDayRange } from '../../../src/stats/period.js';

const iso = (d: Date) => d.toISOString();

describe('periodRange', () => {
  it('starts today at 00:00 China time, which is 16:00 UTC the day before', () => {
    const range = periodRange('today', new Date('2026-12-02T07:30:00+08:00'));

    expect(iso(range.from)).toBe('2026-12-01T16:00:00.000Z');
    expect(iso(range.to)).toBe('2026-12-02T16:00:00.000Z');
  });

  it('puts 00:30 China time in the new day although UTC still shows the old one', () => {
    const range = periodRange('today', new Date('2026-12-01T16:30:00Z'));

    expect(iso(range.from)).toBe('2026-12-01T16:00:00.000Z');
  });

  it('starts the week on Monday 00:00 and keeps Sunday night in it', () => {
    const sundayNight = periodRange('week', new Date('2026-12-06T23:30:00+08:00'));
    const mondayEarly = periodRange('week', new Date('2026-12-07T00:30:00+08:00'));

    expect(iso(sundayNight.from)).toBe(iso(new Date('2026-11-30T00:00:00+08:00')));
    expect(iso(sundayNight.to)).toBe(iso(new Date('2026-12-07T00:00:00+08:00')));
    expect(iso(mondayEarly.from)).toBe(iso(new Date('2026-12-07T00:00:00+08:00')));
  });

  it('keeps a week that spans two months whole', () => {
    const range = periodRange('week', new Date('2027-01-01T10:00:00+08:00'));

    expect(iso(range.from)).toBe(iso(new Date('2026-12-28T00:00:00+08:00')));
    expect(iso(range.to)).toBe(iso(new Date('2027-01-04T00:00:00+08:00')));
  });

  it('starts the month on the 1st in China time and ends at the next 1st, across a year', () => {
    const range = periodRange('month', new Date('2026-12-01T00:10:00+08:00'));
    const december = periodRange('month', new Date('2026-12-31T23:59:00+08:00'));

    expect(iso(range.from)).toBe(iso(new Date('2026-12-01T00:00:00+08:00')));
    expect(iso(december.to)).toBe(iso(new Date('2027-01-01T00:00:00+08:00')));
  });

  it('ends February at March 1st', () => {
    const range = periodRange('month', new Date('2027-02-14T12:00:00+08:00'));

    expect(iso(range.to)).toBe(iso(new Date('2027-03-01T00:00:00+08:00')));
  });
});

describe('previousDayRange', () => {
  it('is the whole China day before', () => {
    const range = previousDayRange(new Date('2026-12-01T08:00:00+08:00'));

    expect(iso(range.from)).toBe(iso(new Date('2026-11-30T00:00:00+08:00')));
    expect(iso(range.to)).toBe(iso(new Date('2026-12-01T00:00:00+08:00')));
  });
});
