import { describe, expect, it } from 'vitest';
import type { Duration } from '../../../src/sla/duration.js';
import { chineseWorkingCalendar, weekdayCalendar } from '../../../src/sla/working-calendar.js';
import { addClockTime, addWorkingTime, workingTimeBetween } from '../../../src/sla/working-time.js';
import { at, toChinaIso } from './china-time.js';

const days = (amount: number): Duration => ({ amount, unit: 'd' });
const hours = (amount: number): Duration => ({ amount, unit: 'h' });
const addWorking = (iso: string, duration: Duration) =>
  toChinaIso(addWorkingTime(at(iso), duration, chineseWorkingCalendar));

describe('addWorkingTime', () => {
  it('lands on the same clock time of the next working day, skipping the weekend', () => {
    expect(addWorking('2026-03-13T15:30:00+08:00', hours(24))).toBe('2026-03-16T15:30:00+08:00');
    expect(addWorking('2026-03-13T15:30:00+08:00', days(1))).toBe('2026-03-16T15:30:00+08:00');
  });

  it('starts a moment on a non-working day at 00:00 of the next working day', () => {
    expect(addWorking('2026-03-14T10:00:00+08:00', days(1))).toBe('2026-03-17T00:00:00+08:00');
    expect(addWorking('2026-10-03T10:00:00+08:00', hours(2))).toBe('2026-10-08T02:00:00+08:00');
  });

  it('skips the 2026 National Day holiday and counts the make-up Saturday', () => {
    expect(addWorking('2026-09-30T10:00:00+08:00', days(1))).toBe('2026-10-08T10:00:00+08:00');
    // 8, 9, 10 (调休 Saturday), 12, 13, 14, 15 October
    expect(addWorking('2026-09-30T10:00:00+08:00', days(7))).toBe('2026-10-15T10:00:00+08:00');
  });

  it('spans Mid-Autumn and National Day: 7 working days from Thursday 24 September', () => {
    // 28, 29, 30 September, 8, 9, 10 (调休 Saturday), 12 October
    expect(addWorking('2026-09-24T09:00:00+08:00', days(7))).toBe('2026-10-12T09:00:00+08:00');
  });

  it('counts the make-up Sunday before National Day', () => {
    expect(addWorking('2026-09-18T16:00:00+08:00', days(1))).toBe('2026-09-20T16:00:00+08:00');
  });

  it('lands on the 2026 New Year make-up Sunday after the 1–3 January holiday', () => {
    expect(addWorking('2025-12-31T10:00:00+08:00', days(1))).toBe('2026-01-04T10:00:00+08:00');
  });

  it('treats 1 January 2027 as a working day, as chinese-days has no 2027 data yet', () => {
    expect(addWorking('2026-12-31T10:00:00+08:00', days(1))).toBe('2027-01-01T10:00:00+08:00');
  });

  it('ends at 00:00 after the last working day when a day is used up exactly', () => {
    expect(addWorking('2026-03-12T00:00:00+08:00', days(2))).toBe('2026-03-14T00:00:00+08:00');
  });

  it('returns the start for a zero duration', () => {
    expect(addWorking('2026-03-14T10:00:00+08:00', hours(0))).toBe('2026-03-14T10:00:00+08:00');
  });

  it('follows the calendar it is given', () => {
    const result = addWorkingTime(at('2026-09-30T10:00:00+08:00'), days(1), weekdayCalendar);

    expect(toChinaIso(result)).toBe('2026-10-01T10:00:00+08:00');
  });

  it('refuses a calendar without working days instead of looping forever', () => {
    const never = { isWorkingDay: () => false };

    expect(() => addWorkingTime(at('2026-03-13T10:00:00+08:00'), days(1), never)).toThrow(/no working day/);
  });
});

describe('addClockTime', () => {
  it('adds plain hours through weekends and holidays', () => {
    const result = addClockTime(at('2026-10-03T23:00:00+08:00'), hours(2));

    expect(toChinaIso(result)).toBe('2026-10-04T01:00:00+08:00');
  });
});

describe('workingTimeBetween', () => {
  it('counts only time on working days', () => {
    const ms = workingTimeBetween(
      at('2026-03-13T16:00:00+08:00'),
      at('2026-03-16T10:00:00+08:00'),
      chineseWorkingCalendar,
    );

    expect(ms).toBe(18 * 3_600_000);
  });

  it('is zero across a holiday and when the end is not after the start', () => {
    const holiday = workingTimeBetween(
      at('2026-10-01T00:00:00+08:00'),
      at('2026-10-08T00:00:00+08:00'),
      chineseWorkingCalendar,
    );
    const backwards = workingTimeBetween(
      at('2026-03-16T10:00:00+08:00'),
      at('2026-03-13T10:00:00+08:00'),
      chineseWorkingCalendar,
    );

    expect(holiday).toBe(0);
    expect(backwards).toBe(0);
  });
});
