import { afterDailySpan } from '../../clock/china-time.js';
import { isAllClear } from '../../tickets/all-clear-state.js';
import { openBlocker } from '../../tickets/blockers.js';
import {
  CHECK_UNANSWERED,
  EMERGENCY_CHECK_MINUTES,
  emergencyCheckOf,
} from '../../tickets/emergency-check.js';
import type { JointBody, Ticket, TicketEvent, TicketStatus } from '../../tickets/ticket.js';
import { reminderAt } from '../deadlines.js';
import { escalationLadder, type LadderRung } from './escalation-ladder.js';
import { type DeadlineKind, deadlineKey, hasMark, lastOf, whistleKey } from './timer-marks.js';
import {
  confirmationWaitMs,
  nextEscalationAt,
  type TimerContext,
  whistleReportMs,
} from './timer-settings.js';

/** One thing the clock makes happen to a ticket; each is one store change. */
export type TimerStep =
  | { kind: 'resume'; pausedFrom: Date; resumedAt: Date }
  | { kind: 'timeout_close'; resolvedAt: Date }
  | { kind: 'remind'; deadline: DeadlineKind; at: Date }
  | { kind: 'overdue'; deadline: DeadlineKind; at: Date; notifyAssignees: boolean }
  | { kind: 'escalate'; deadline: DeadlineKind; at: Date; rung: LadderRung }
  | { kind: 'whistle_remind'; body: JointBody; reportBy: Date }
  | { kind: 'whistle_escalate'; body: JointBody; reportBy: Date }
  | { kind: 'check_unanswered'; askedAt: Date; asked: readonly string[] };

/** The steps due at `now`, in the order to take them, and when the next one will be due (or null). */
export type TimerPlan = { due: TimerStep[]; next: Date | null };

type Candidate = { at: Date; until?: Date; step: TimerStep };

/** Statuses in which someone is working on the ticket, so its deadlines run. */
const WORKING: readonly TicketStatus[] = ['open', 'accepted', 'returned'];
/** Statuses the sweep looks at: the working ones and `resolved` (waiting for the reporter). */
export const TIMED_STATUSES: readonly TicketStatus[] = [...WORKING, 'resolved'];
const REOPENS = ['reject', 'reopen'];
const ORDER: readonly TimerStep['kind'][] = [
  'resume',
  'timeout_close',
  'remind',
  'overdue',
  'escalate',
  'whistle_remind',
  'whistle_escalate',
  'check_unanswered',
];

/**
 * Decides from a ticket and its events alone what the clock owes it at `now`. Pure: the marks the steps
 * leave (events; escalationLevel; deadlinesResumedAt) are what keeps a step from being taken twice.
 * - While `resolved` the deadlines pause: only the confirmation timeout runs.
 * - A reopened ticket first gets its resolveBy moved by the paused time (`resume`), unless the reopen did it.
 * - Each deadline gets one reminder (skipped when the deadline has passed), then at the deadline an
 *   `overdue` mark, then the ladder one rung at a time, ESCALATION_INTERVALS apart.
 * - A body called by 吹哨 that has not reported is reminded at its report deadline and escalated one
 *   report span later.
 */
export function planTimers(
  ticket: Ticket,
  events: readonly TicketEvent[],
  now: Date,
  ctx: TimerContext,
): TimerPlan {
  const resume = pendingResume(ticket, events);
  if (resume) {
    return { due: [resume], next: null };
  }
  const paused = isAllClear(events);
  const quiet = ctx.directory.data.deadlines.quiet_hours;
  const candidates = [
    ...confirmationCandidates(ticket, events, ctx),
    ...(paused
      ? []
      : [
          ...deadlineCandidates(ticket, events, ctx),
          ...whistleCandidates(ticket, events, ctx),
          ...checkCandidates(ticket, events),
        ]),
  ].map((c) => (ticket.urgency === 'normal' && c.step.kind !== 'timeout_close' ? quietened(c, quiet) : c));
  const t = now.getTime();
  const due = candidates
    .filter((c) => c.at.getTime() <= t && (c.until === undefined || t < c.until.getTime()))
    .sort(
      (a, b) => ORDER.indexOf(a.step.kind) - ORDER.indexOf(b.step.kind) || a.at.getTime() - b.at.getTime(),
    )
    .map((c) => c.step);
  const later = candidates.map((c) => c.at.getTime()).filter((at) => at > t);
  return { due, next: later.length > 0 ? new Date(Math.min(...later)) : null };
}

/**
 * A normal ticket's reminder or escalation that falls in the quiet hours waits for their end; a reminder
 * whose deadline passes meanwhile is dropped (the overdue notice says more).
 */
function quietened(c: Candidate, quietHours: string): Candidate {
  const at = afterDailySpan(c.at, quietHours);
  return at === c.at ? c : { ...c, at };
}

/** A reopen after a resolution whose paused time was not yet added to the deadlines. */
function pendingResume(ticket: Ticket, events: readonly TicketEvent[]): TimerStep | undefined {
  if (!WORKING.includes(ticket.status)) {
    return undefined;
  }
  const reopen = lastOf(events, REOPENS);
  const resolve = reopen && lastOf(events.slice(0, events.indexOf(reopen)), ['resolve']);
  if (!reopen || !resolve) {
    return undefined;
  }
  const resumed = ticket.deadlinesResumedAt ?? null;
  if (resumed !== null && resumed.getTime() >= resolve.at.getTime()) {
    return undefined;
  }
  return { kind: 'resume', pausedFrom: resolve.at, resumedAt: reopen.at };
}

function confirmationCandidates(
  ticket: Ticket,
  events: readonly TicketEvent[],
  ctx: TimerContext,
): Candidate[] {
  if (ticket.status !== 'resolved') {
    return [];
  }
  const resolvedAt = ticket.resolvedAt ?? lastOf(events, ['resolve'])?.at;
  if (!resolvedAt) {
    return [];
  }
  const at = new Date(resolvedAt.getTime() + confirmationWaitMs(ctx.directory));
  return [{ at, step: { kind: 'timeout_close', resolvedAt } }];
}

/**
 * The deadlines running now: the response one until the ticket is accepted, the resolution one throughout
 * except while a blocker (卡点) stands: its time is added when it is cleared (解除卡点).
 */
function runningDeadlines(ticket: Ticket, blocked: boolean): Array<{ kind: DeadlineKind; at: Date }> {
  if (!WORKING.includes(ticket.status)) {
    return [];
  }
  const running: Array<{ kind: DeadlineKind; at: Date }> = [];
  if (ticket.respondBy && ticket.respondedAt === null && ticket.status !== 'accepted') {
    running.push({ kind: 'respond', at: ticket.respondBy });
  }
  if (ticket.resolveBy && !blocked) {
    running.push({ kind: 'resolve', at: ticket.resolveBy });
  }
  return running;
}

function deadlineCandidates(ticket: Ticket, events: readonly TicketEvent[], ctx: TimerContext): Candidate[] {
  const ladder = escalationLadder(ctx.directory, ticket);
  const candidates: Candidate[] = [];
  let late: { kind: DeadlineKind; at: Date } | undefined;
  for (const deadline of runningDeadlines(ticket, openBlocker(events) !== null)) {
    const key = deadlineKey(deadline.kind, deadline.at);
    const remindAt = reminderAt(deadline.at, ticket.urgency);
    if (remindAt < deadline.at && !hasMark(events, 'reminded', key)) {
      const step: TimerStep = { kind: 'remind', deadline: deadline.kind, at: deadline.at };
      candidates.push({ at: remindAt, until: deadline.at, step });
    }
    if (!hasMark(events, 'overdue', key)) {
      const notifyAssignees = ticket.escalationLevel >= ladder.length;
      const step: TimerStep = { kind: 'overdue', deadline: deadline.kind, at: deadline.at, notifyAssignees };
      candidates.push({ at: deadline.at, step });
    } else {
      late = deadline;
    }
  }
  const rung = ladder[ticket.escalationLevel];
  if (late && rung) {
    const last = lastOf(events, ['escalated']);
    const paced = last ? nextEscalationAt(last.at, ticket.urgency, ctx.calendar) : late.at;
    const at = new Date(Math.max(paced.getTime(), late.at.getTime()));
    candidates.push({ at, step: { kind: 'escalate', deadline: late.kind, at: late.at, rung } });
  }
  return candidates;
}

/**
 * An emergency check nobody has taken (接单; words in the group do not count) within its minutes: the other
 * supervisors are alerted once. Not after an all-clear, which pauses every timer of the ticket.
 */
function checkCandidates(ticket: Ticket, events: readonly TicketEvent[]): Candidate[] {
  const check = emergencyCheckOf(events);
  if (
    !check ||
    ticket.status !== 'open' ||
    ticket.respondedAt !== null ||
    lastOf(events, [CHECK_UNANSWERED])
  ) {
    return [];
  }
  const at = new Date(check.at.getTime() + EMERGENCY_CHECK_MINUTES * 60_000);
  const step: TimerStep = { kind: 'check_unanswered', askedAt: check.at, asked: check.asked };
  return [{ at, until: new Date(at.getTime() + CHECK_ALERT_SPAN_MS), step }];
}

function whistleCandidates(ticket: Ticket, events: readonly TicketEvent[], ctx: TimerContext): Candidate[] {
  if (!WORKING.includes(ticket.status)) {
    return [];
  }
  const span = whistleReportMs(ctx.directory);
  const candidates: Candidate[] = [];
  for (const body of ticket.jointBodies) {
    if (body.reportedAt !== null) {
      continue;
    }
    const reportBy = new Date(body.calledAt.getTime() + span);
    if (!hasMark(events, 'whistle_overdue', whistleKey('reminder', body.body, body.calledAt))) {
      candidates.push({ at: reportBy, step: { kind: 'whistle_remind', body, reportBy } });
    }
    if (!hasMark(events, 'whistle_overdue', whistleKey('escalation', body.body, body.calledAt))) {
      const at = new Date(reportBy.getTime() + span);
      candidates.push({ at, step: { kind: 'whistle_escalate', body, reportBy } });
    }
  }
  return candidates;
}

/** How long after its check time an unanswered emergency check is still worth alerting on (a bot down longer missed it). */
const CHECK_ALERT_SPAN_MS = 24 * 3_600_000;

/** An urgent ticket nobody has answered, past the check time: it may be an emergency check owed its alert. */
function mayOweCheckAlert(ticket: Ticket, t: number): boolean {
  const due = ticket.createdAt.getTime() + EMERGENCY_CHECK_MINUTES * 60_000;
  return (
    ticket.urgency === 'urgent' &&
    ticket.status === 'open' &&
    ticket.respondedAt === null &&
    due <= t &&
    t < due + CHECK_ALERT_SPAN_MS
  );
}

/**
 * A cheap test on the ticket's fields alone: false when nothing can be due at `now` (no reminder time,
 * deadline, confirmation wait or report deadline reached, no reopen), so the sweep need not read its events.
 */
export function mayHaveDueTimers(ticket: Ticket, now: Date, ctx: TimerContext): boolean {
  const t = now.getTime();
  if (ticket.status === 'resolved') {
    return ticket.resolvedAt === null || ticket.resolvedAt.getTime() + confirmationWaitMs(ctx.directory) <= t;
  }
  if (!WORKING.includes(ticket.status)) {
    return false;
  }
  const reached = (deadline: Date | null) =>
    deadline !== null && reminderAt(deadline, ticket.urgency).getTime() <= t;
  const span = whistleReportMs(ctx.directory);
  return (
    mayOweCheckAlert(ticket, t) ||
    ticket.reopenCount > 0 ||
    reached(ticket.respondBy) ||
    reached(ticket.resolveBy) ||
    ticket.jointBodies.some((j) => j.reportedAt === null && j.calledAt.getTime() + span <= t)
  );
}
