import { toChinaIso } from '../../clock/china-time.js';
import { asEmergency, noticeAbout, noticeTo, toReporter } from '../../outbox/address.js';
import { CHECK_UNANSWERED, checkUnansweredDetail } from '../../tickets/emergency-check.js';
import type { OutboxMessage } from '../../tickets/outbox.js';
import type { Ticket } from '../../tickets/ticket.js';
import type { Change } from '../../tickets/ticket-store.js';
import { planTransition } from '../../tickets/transitions.js';
import { slaReplies } from '../replies.js';
import type { TimerStep } from './plan-timers.js';
import { resumeFrom } from './resume-deadlines.js';
import { escalatedDetail, overdueDetail, remindedDetail, whistleKey } from './timer-marks.js';
import { confirmationWaitMs, type TimerContext } from './timer-settings.js';

/** Event type of the sweep's own deadline extension after a reopen that did not extend them itself. */
export const DEADLINE_EXTENDED = 'deadline_extended';

/**
 * The one store change a timer step makes: its event, the fields it sets and the messages it sends, refused
 * if the status moved. The caller adds `expectSeq` so the decision holds only on the events it was made on.
 */
export function timerChange(
  ticket: Ticket,
  step: TimerStep,
  now: Date,
  ctx: TimerContext,
): Change | undefined {
  const actor = ctx.directory.botName;
  const base = { expectStatus: [ticket.status] as const };
  const event = (type: string, detail: string) => ({ at: now, actor, type, detail });
  const assignees = ticket.assignees;
  switch (step.kind) {
    case 'resume': {
      const resumed = resumeFrom(ticket, step.pausedFrom, step.resumedAt, ctx.calendar);
      const detail =
        `resolve_by ${iso(ticket.resolveBy)} → ${iso(resumed.resolveBy)}: waited for the resident ` +
        `from ${toChinaIso(step.pausedFrom)} to ${toChinaIso(step.resumedAt)}`;
      const moved = resumed.resolveBy !== null && resumed.resolveBy.getTime() !== ticket.resolveBy?.getTime();
      const outbox =
        moved && resumed.resolveBy
          ? assigneesNote(ticket, (t) => slaReplies.deadlineResumed(t, resumed.resolveBy as Date))
          : [];
      return { ...base, event: event(DEADLINE_EXTENDED, detail), patch: resumed, outbox };
    }
    case 'timeout_close': {
      const plan = planTransition(ticket.status, 'timeout_close');
      if (!plan.ok) {
        return undefined;
      }
      const hours = Math.round(confirmationWaitMs(ctx.directory) / 3_600_000);
      const detail = `no answer from the reporter within ${hours}h of the resolution at ${toChinaIso(step.resolvedAt)}`;
      return {
        ...base,
        event: event('timeout_close', detail),
        patch: { status: plan.to, confirmation: plan.confirmation ?? 'timeout', closedAt: now },
        outbox: [toReporter(ticket, slaReplies.timeoutClosed(ticket, hours))],
      };
    }
    case 'remind':
      return {
        ...base,
        event: event('reminded', remindedDetail(step.deadline, step.at, assignees)),
        patch: {},
        outbox: assignees.map((n) =>
          noticeAbout(ticket, n, slaReplies.reminder(ticket, step.deadline, step.at, now)),
        ),
      };
    case 'overdue':
      return {
        ...base,
        event: event('overdue', overdueDetail(step.deadline, step.at)),
        patch: { overdue: true },
        outbox: step.notifyAssignees
          ? assigneesNote(ticket, (t) => slaReplies.overdueNote(t, step.deadline, step.at))
          : [],
      };
    case 'escalate': {
      const { rung } = step;
      const holders = `${ctx.directory.bodyDisplayName(ticket.body, ticket.location.compound)}（${assignees.join('、')}）`;
      return {
        ...base,
        event: event('escalated', escalatedDetail(rung.level, rung.person, step.deadline, step.at)),
        patch: { escalationLevel: rung.level, overdue: true },
        outbox: [
          noticeAbout(ticket, rung.person, slaReplies.escalation(ticket, step.deadline, step.at, holders)),
          // the holders learn once that their ticket is under supervision; each higher rung presses them itself
          ...(rung.level === 1
            ? assigneesNote(ticket, (t) =>
                slaReplies.escalationNote(t, step.deadline, rung.person, rung.title),
              ).filter((m) => m.to !== rung.person)
            : []),
        ],
      };
    }
    case 'whistle_remind': {
      const { body } = step;
      const to = body.liaison ? [body.liaison] : [];
      const detail = `${whistleKey('reminder', body.body, body.calledAt)}: report by ${toChinaIso(step.reportBy)} → ${to.join(', ')}`;
      return {
        ...base,
        event: event('whistle_overdue', detail),
        patch: {},
        outbox: to.map((n) => noticeTo(n, slaReplies.whistleReminder(ticket, body.name, step.reportBy))),
      };
    }
    case 'check_unanswered': {
      // the supervisors not yet asked; when every one was, those asked hear again
      const others = ctx.directory.supervisors().filter((n) => !step.asked.includes(n));
      const to = others.length > 0 ? others : [...step.asked];
      return {
        ...base,
        event: event(CHECK_UNANSWERED, checkUnansweredDetail(to)),
        patch: {},
        outbox: to.map((n) =>
          asEmergency(noticeTo(n, slaReplies.checkUnanswered(ticket, step.asked, step.askedAt))),
        ),
      };
    }
    case 'whistle_escalate': {
      const { body } = step;
      const worker = ticket.grid ? ctx.directory.gridByName(ticket.grid)?.worker : assignees[0];
      const to = [...new Set([worker, ctx.directory.data.escalation[0]].filter((n): n is string => !!n))];
      const detail = `${whistleKey('escalation', body.body, body.calledAt)}: not reported by ${toChinaIso(step.reportBy)} → ${to.join(', ')}`;
      return {
        ...base,
        event: event('whistle_overdue', detail),
        patch: {},
        outbox: to.map((n) =>
          noticeTo(n, slaReplies.whistleEscalation(ticket, body.name, body.liaison, body.calledAt)),
        ),
      };
    }
  }
}

function assigneesNote(ticket: Ticket, text: (t: Ticket) => string): OutboxMessage[] {
  return ticket.assignees.map((n) => noticeAbout(ticket, n, text(ticket)));
}

const iso = (date: Date | null): string => (date ? toChinaIso(date) : 'none');
