import { describe, expect, it } from 'vitest';
import { withCalendarOverrides } from '../../../src/sla/calendar-overrides.js';
import { chineseWorkingCalendar, hasHolidayData } from '../../../src/sla/working-calendar.js';
import { addWorkingTime } from '../../../src/sla/working-time.js';

const at = (iso: string) => new Date(iso);

describe('withCalendarOverrides', () => {
  it('adds a year the package does not carry yet: its holidays and make-up working days', () => {
    expect(hasHolidayData(2027)).toBe(false);
    const calendar = withCalendarOverrides(chineseWorkingCalendar, {
      holidays: ['2027-01-01'],
      workdays: ['2027-01-02'],
    });

    expect(chineseWorkingCalendar.isWorkingDay(at('2027-01-01T10:00:00+08:00'))).toBe(true);
    expect(calendar.isWorkingDay(at('2027-01-01T10:00:00+08:00'))).toBe(false);
    expect(calendar.isWorkingDay(at('2027-01-02T10:00:00+08:00'))).toBe(true);
    expect(calendar.isWorkingDay(at('2027-01-03T10:00:00+08:00'))).toBe(false);
    expect(
      addWorkingTime(at('2026-12-31T10:00:00+08:00'), { amount: 1, unit: 'd' }, calendar).toISOString(),
    ).toBe(at('2027-01-02T10:00:00+08:00').toISOString());
  });

  it('judges the day in China time whatever the instant', () => {
    const calendar = withCalendarOverrides(chineseWorkingCalendar, {
      holidays: ['2027-03-03'],
      workdays: [],
    });

    expect(calendar.isWorkingDay(at('2027-03-02T16:30:00Z'))).toBe(false);
    expect(calendar.isWorkingDay(at('2027-03-02T15:30:00Z'))).toBe(true);
  });

  it('is the base calendar itself when nothing is declared', () => {
    expect(withCalendarOverrides(chineseWorkingCalendar, { holidays: [], workdays: [] })).toBe(
      chineseWorkingCalendar,
    );
  });
});
