import type { DirectoryData } from '../directory/schema.js';
import type { Category, Urgency } from '../labels/labels.js';
import { assertDuration, type Duration } from './duration.js';
import type { WorkingCalendar } from './working-calendar.js';
import { addClockTime, addWorkingMilliseconds, addWorkingTime, workingTimeBetween } from './working-time.js';

export type DeadlineSettings = DirectoryData['deadlines'];
export type DeadlineInput = { createdAt: Date; urgency: Urgency; category: Category };
export type Deadlines = { respondBy: Date; resolveBy: Date };

/** The urgencies the directory sets deadlines for; a ticket without urgency is treated as normal. */
export type DeadlineUrgency = Exclude<Urgency, 'none'>;

/** How long before a deadline its assignee is reminded, by urgency (clock time). */
export const REMINDER_LEAD_MS: Readonly<Record<DeadlineUrgency, number>> = {
  emergency: 5 * 60_000,
  urgent: 30 * 60_000,
  normal: 4 * 3_600_000,
};

/** Maps `none` to `normal`, the urgency whose deadlines apply to unrated tickets. */
export function toDeadlineUrgency(urgency: Urgency): DeadlineUrgency {
  return urgency === 'none' ? 'normal' : urgency;
}

/** Whether deadlines of this urgency count working days (normal) rather than clock time. */
export function countsWorkingDays(urgency: Urgency): boolean {
  return toDeadlineUrgency(urgency) === 'normal';
}

/** Response and resolution deadlines for a new ticket, with the category's overrides applied. */
export function computeDeadlines(
  input: DeadlineInput,
  settings: DeadlineSettings,
  calendar: WorkingCalendar,
): Deadlines {
  const urgency = toDeadlineUrgency(input.urgency);
  const override = settings.by_category[input.category]?.[urgency];
  const respond = assertDuration(override?.respond ?? settings[urgency].respond);
  const resolve = assertDuration(override?.resolve ?? settings[urgency].resolve);
  return {
    respondBy: addDeadlineTime(input.createdAt, respond, urgency, calendar),
    resolveBy: addDeadlineTime(input.createdAt, resolve, urgency, calendar),
  };
}

/** Adds a deadline duration the way the urgency counts it: working days for normal, clock time otherwise. */
export function addDeadlineTime(
  start: Date,
  duration: Duration,
  urgency: Urgency,
  calendar: WorkingCalendar,
): Date {
  return countsWorkingDays(urgency)
    ? addWorkingTime(start, duration, calendar)
    : addClockTime(start, duration);
}

/**
 * Moves a deadline out by the time the ticket waited for the resident: the time left when the pause
 * began is granted again from `resumedAt`. A pause that began after the deadline changes nothing.
 */
export function pausedDeadline(
  deadline: Date,
  pausedFrom: Date,
  resumedAt: Date,
  urgency: Urgency,
  calendar: WorkingCalendar,
): Date {
  if (resumedAt <= pausedFrom || pausedFrom >= deadline) {
    return deadline;
  }
  if (!countsWorkingDays(urgency)) {
    return new Date(deadline.getTime() + (resumedAt.getTime() - pausedFrom.getTime()));
  }
  const left = workingTimeBetween(pausedFrom, deadline, calendar);
  const moved = addWorkingMilliseconds(resumedAt, left, calendar);
  // a pause never brings a deadline forward, even one that already sat at the end of a working day
  return moved > deadline ? moved : deadline;
}

/** When to remind the assignee: `REMINDER_LEAD_MS` of clock time before the deadline (maybe already past). */
export function reminderAt(deadline: Date, urgency: Urgency): Date {
  return new Date(deadline.getTime() - REMINDER_LEAD_MS[toDeadlineUrgency(urgency)]);
}

/** Whether `now` is past the deadline; a ticket without a deadline is never overdue. */
export function isOverdue(deadline: Date | null, now: Date): boolean {
  return deadline !== null && now.getTime() > deadline.getTime();
}
