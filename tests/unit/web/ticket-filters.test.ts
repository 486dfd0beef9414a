import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import {
  chinaDayStart,
  type ListQuery,
  matchesQuery,
  readListQuery,
} from '../../../src/web/dashboard/ticket-filters.js';
import { buildTicket } from '../../helpers/ticket-builder.js';

const directory = loadDirectory();
const any: ListQuery = readListQuery(() => undefined);

describe('the ticket list filters', () => {
  it('reads China days, and refuses what is not one', () => {
    expect(chinaDayStart('2026-12-01')?.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(chinaDayStart('2026-13-01')).toBeNull();
    expect(chinaDayStart('yesterday')).toBeNull();
  });

  it('keeps a ticket created on the last day of the range, and drops the next day', () => {
    const q = { ...any, from: '2026-12-01', to: '2026-12-01' };
    const late = buildTicket(1, { createdAt: new Date('2026-12-01T23:59:00+08:00') });
    const next = buildTicket(1, { createdAt: new Date('2026-12-02T00:00:00+08:00') });
    const early = buildTicket(1, { createdAt: new Date('2026-11-30T23:59:00+08:00') });
    expect([late, next, early].map((t) => matchesQuery(t, q, directory))).toEqual([true, false, false]);
  });

  it('filters by status, body, grid, branch, category and overdue, and searches number, text and place', () => {
    const t = buildTicket(42, {
      status: 'accepted',
      body: 'property',
      grid: '第一网格',
      partyBranch: '第一网格党支部',
      category: 'elevator',
      overdue: true,
      text: '电梯停在三楼不动了',
    });
    const passes = (q: Partial<ListQuery>) => matchesQuery(t, { ...any, ...q }, directory);
    expect(passes({ status: 'accepted', body: 'property', grid: '第一网格', branch: '第一网格党支部' })).toBe(
      true,
    );
    expect(passes({ status: 'open' })).toBe(false);
    expect(passes({ grid: '第二网格' })).toBe(false);
    expect(passes({ category: 'water_supply' })).toBe(false);
    expect(passes({ overdue: '1' })).toBe(true);
    expect(
      passes({ overdue: '1' }) &&
        !matchesQuery({ ...t, overdue: false }, { ...any, overdue: '1' }, directory),
    ).toBe(true);
    expect(passes({ q: '#42' })).toBe(true);
    expect(passes({ q: '三楼' })).toBe(true);
    expect(passes({ q: '电梯' })).toBe(true);
    expect(passes({ q: '水管' })).toBe(false);
  });

  it('caps what the query carries', () => {
    const q = readListQuery((k) => (k === 'q' ? `  ${'长'.repeat(500)}  ` : undefined));
    expect(q.q).toHaveLength(100);
    expect(q.status).toBe('');
  });
});
