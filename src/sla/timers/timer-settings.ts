import type { Directory } from '../../directory/directory.js';
import type { Urgency } from '../../labels/labels.js';
import { addDeadlineTime, type DeadlineUrgency, toDeadlineUrgency } from '../deadlines.js';
import { assertDuration, type Duration, toMilliseconds } from '../duration.js';
import type { WorkingCalendar } from '../working-calendar.js';

/**
 * How long a late ticket stays at one level of the escalation ladder before it climbs to the next: the
 * one place to change it. Normal tickets count working time (a working day; weekends and holidays do not
 * count, so nothing climbs during them), urgent and emergency ones clock time.
 */
export const ESCALATION_INTERVALS: Readonly<Record<DeadlineUrgency, Duration>> = {
  emergency: { amount: 15, unit: 'm' },
  urgent: { amount: 1, unit: 'h' },
  normal: { amount: 24, unit: 'h' },
};

/** What the timers read besides the ticket: the directory (ladder, spans) and the working calendar. */
export type TimerContext = {
  directory: Directory;
  calendar: WorkingCalendar;
};

/** When the next ladder level is due after a step at `last`, on the ticket's own clock (working days or not). */
export function nextEscalationAt(last: Date, urgency: Urgency, calendar: WorkingCalendar): Date {
  return addDeadlineTime(last, ESCALATION_INTERVALS[toDeadlineUrgency(urgency)], urgency, calendar);
}

/** How long a resolved ticket waits for the reporter before it closes as `timeout` (clock time). */
export function confirmationWaitMs(directory: Directory): number {
  return toMilliseconds(assertDuration(directory.data.deadlines.confirmation_wait));
}

/** How long a body called by 吹哨 has to report (clock time); the same span again before escalation. */
export function whistleReportMs(directory: Directory): number {
  return toMilliseconds(assertDuration(directory.data.deadlines.whistle_report));
}
