import { describe, expect, it } from 'vitest';
import { monthRange, periodRange } from '../../../src/stats/period.js';

describe('monthRange', () => {
  it('spans the China-time month: the 1st 00:00 +08:00 up to the next 1st', () => {
    const range = monthRange('2026-11');

    expect(range?.from.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(range?.to.toISOString()).toBe('2026-11-30T16:00:00.000Z');
  });

  it('crosses the year and knows a leap February', () => {
    expect(monthRange('2026-12')?.to).toEqual(new Date('2027-01-01T00:00:00+08:00'));
    expect(monthRange('2028-02')?.to).toEqual(new Date('2028-03-01T00:00:00+08:00'));
    expect(monthRange('2028-02')?.from).toEqual(new Date('2028-02-01T00:00:00+08:00'));
  });

  it('is the same range as 统计 本月 for any moment of that month', () => {
    const lastMinute = new Date('2026-11-30T23:59:00+08:00');

    expect(monthRange('2026-11')).toEqual(periodRange('month', lastMinute));
  });

  it('refuses anything but YYYY-MM', () => {
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-11', '2026/11', '2026-11-01', ' 2026-11', '']) {
      expect(monthRange(bad), bad).toBeUndefined();
    }
  });
});
