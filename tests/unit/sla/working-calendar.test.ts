import { describe, expect, it } from 'vitest';
import { startOfChinaDay, toChinaDate } from '../../../src/clock/china-time.js';
import {
  chineseWorkingCalendar,
  hasHolidayData,
  weekdayCalendar,
} from '../../../src/sla/working-calendar.js';
import { at, toChinaIso } from './china-time.js';

const isWorkingDay = (iso: string) => chineseWorkingCalendar.isWorkingDay(at(iso));

describe('chineseWorkingCalendar', () => {
  it('counts ordinary weekdays and not ordinary weekends', () => {
    expect(isWorkingDay('2026-03-13T12:00:00+08:00')).toBe(true); // Friday
    expect(isWorkingDay('2026-03-14T12:00:00+08:00')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-15T12:00:00+08:00')).toBe(false); // Sunday
  });

  it('rests on the 2026 National Day holiday, 1 to 7 October', () => {
    for (let day = 1; day <= 7; day++) {
      expect(isWorkingDay(`2026-10-0${day}T12:00:00+08:00`)).toBe(false);
    }
    expect(isWorkingDay('2026-10-08T12:00:00+08:00')).toBe(true);
  });

  it('works the 2026 make-up days (调休): Sunday 20 September and Saturday 10 October', () => {
    expect(isWorkingDay('2026-09-20T12:00:00+08:00')).toBe(true);
    expect(isWorkingDay('2026-10-10T12:00:00+08:00')).toBe(true);
    expect(isWorkingDay('2026-10-11T12:00:00+08:00')).toBe(false);
  });

  it('rests on the 2026 Spring Festival and works its Saturday make-up days', () => {
    expect(isWorkingDay('2026-02-16T12:00:00+08:00')).toBe(false); // Monday of 春节
    expect(isWorkingDay('2026-02-23T12:00:00+08:00')).toBe(false);
    expect(isWorkingDay('2026-02-14T12:00:00+08:00')).toBe(true);
    expect(isWorkingDay('2026-02-28T12:00:00+08:00')).toBe(true);
  });

  it('judges the day in China time, not UTC', () => {
    // 00:30 on Thursday 8 October in Beijing, still the holiday of 7 October in UTC
    expect(isWorkingDay('2026-10-07T16:30:00Z')).toBe(true);
    // 00:30 on 1 October (National Day) in Beijing, still working Wednesday 30 September in UTC
    expect(isWorkingDay('2026-09-30T16:30:00Z')).toBe(false);
  });

  it('falls back to Monday to Friday for 2027, which chinese-days 1.5.7 has no data for', () => {
    expect(isWorkingDay('2027-01-01T12:00:00+08:00')).toBe(true); // 元旦 2027, a Friday
    expect(isWorkingDay('2027-01-02T12:00:00+08:00')).toBe(false);
  });
});

describe('hasHolidayData', () => {
  it('covers 2004 to 2026 and not 2003 or 2027', () => {
    expect(hasHolidayData(2004)).toBe(true);
    expect(hasHolidayData(2026)).toBe(true);
    expect(hasHolidayData(2003)).toBe(false);
    expect(hasHolidayData(2027)).toBe(false);
  });
});

describe('weekdayCalendar', () => {
  it('counts Monday to Friday in China time and knows no holidays', () => {
    expect(weekdayCalendar.isWorkingDay(at('2026-10-01T12:00:00+08:00'))).toBe(true);
    expect(weekdayCalendar.isWorkingDay(at('2026-10-10T12:00:00+08:00'))).toBe(false);
    expect(weekdayCalendar.isWorkingDay(at('2026-10-09T16:30:00Z'))).toBe(false); // Saturday 00:30 in Beijing
  });
});

describe('China time helpers', () => {
  it('finds the China calendar day and its start', () => {
    const instant = at('2026-09-30T16:30:00Z');

    expect(toChinaDate(instant)).toEqual({ year: 2026, month: 10, day: 1 });
    expect(toChinaIso(startOfChinaDay(instant))).toBe('2026-10-01T00:00:00+08:00');
  });
});
