import type { TicketEvent } from './ticket.js';

/** Events after an all-clear that mean the danger is back or work goes on: the deadlines run again. */
const LIFTS_ALL_CLEAR: ReadonlySet<string> = new Set([
  'update',
  'reopen',
  'reject',
  'co_reporter_added',
  'supplemented',
]);

/**
 * Whether an emergency stands called off (演习, 虚惊一场): its last `all_clear` has not been lifted since by the
 * danger or the work going on (进展, a new report of it). Such a ticket waits for a staff member: no reminders
 * or escalations until one resolves it (办结), and a second all-clear tells nobody anew.
 */
export function isAllClear(events: readonly TicketEvent[]): boolean {
  for (let i = events.length - 1; i >= 0; i--) {
    const type = events[i]?.type ?? '';
    if (type === 'all_clear') {
      return true;
    }
    if (LIFTS_ALL_CLEAR.has(type)) {
      return false;
    }
  }
  return false;
}
