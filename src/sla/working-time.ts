import { startOfChinaDay } from '../clock/china-time.js';
import { AppError } from '../errors.js';
import { type Duration, toMilliseconds } from './duration.js';
import type { WorkingCalendar } from './working-calendar.js';

const DAY_MS = 86_400_000;
// Ten years without a working day means a broken calendar, not a long deadline.
const MAX_DAYS_SCANNED = 3_660;

/*
 * The working-day model: a deadline clock that runs through the whole 24 hours of every working day
 * (China time) and stands still on weekends and public holidays. So `1d` (= `24h`) from Friday 15:00
 * is Monday 15:00, `7d` is the same clock time on the 7th working day after, and a ticket raised on a
 * non-working day starts counting at 00:00 of the next working day (`1d` from Saturday 10:00 is
 * Tuesday 00:00, i.e. the end of Monday). A deadline that uses up a working day exactly is the end of
 * that day (00:00 of the next calendar day), even if the next day is a holiday.
 */

/** Adds `duration` as clock time: weekends and holidays count like any other hour. */
export function addClockTime(start: Date, duration: Duration): Date {
  return new Date(start.getTime() + toMilliseconds(duration));
}

/** Adds `duration` as working time: only time on the calendar's working days (China time) counts. */
export function addWorkingTime(start: Date, duration: Duration, calendar: WorkingCalendar): Date {
  return addWorkingMilliseconds(start, toMilliseconds(duration), calendar);
}

/** Adds `ms` milliseconds of working time; the earliest instant at which that much has elapsed. */
export function addWorkingMilliseconds(start: Date, ms: number, calendar: WorkingCalendar): Date {
  let cursor = start.getTime();
  let remaining = ms;
  for (let scanned = 0; remaining > 0; scanned++) {
    assertScanLimit(scanned);
    const dayEnd = startOfChinaDay(new Date(cursor)).getTime() + DAY_MS;
    if (calendar.isWorkingDay(new Date(cursor))) {
      const available = dayEnd - cursor;
      if (remaining <= available) {
        return new Date(cursor + remaining);
      }
      remaining -= available;
    }
    cursor = dayEnd;
  }
  return new Date(cursor);
}

/** Milliseconds of working time between two instants; 0 when `to` is not after `from`. */
export function workingTimeBetween(from: Date, to: Date, calendar: WorkingCalendar): number {
  let cursor = from.getTime();
  const end = to.getTime();
  let total = 0;
  while (cursor < end) {
    const dayEnd = Math.min(startOfChinaDay(new Date(cursor)).getTime() + DAY_MS, end);
    if (calendar.isWorkingDay(new Date(cursor))) {
      total += dayEnd - cursor;
    }
    cursor = dayEnd;
  }
  return total;
}

function assertScanLimit(scanned: number): void {
  if (scanned > MAX_DAYS_SCANNED) {
    throw new AppError('CONFIG_INVALID', { message: 'the working calendar has no working day in ten years' });
  }
}
