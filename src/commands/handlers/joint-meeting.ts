import { escalationLadder } from '../../sla/timers/escalation-ladder.js';
import { jointMeetingAgenda } from '../../stats/joint-meeting.js';
import { loadRatesInput } from '../../stats/load-rates-input.js';
import { periodRange } from '../../stats/period.js';
import { periodText, statsReplies } from '../../stats/replies.js';
import type { Ticket } from '../../tickets/ticket.js';
import { STATUS_NAMES } from '../replies.js';
import type { CommandHandler, HandlerDeps } from './context.js';
import { done } from './context.js';

/** Lines per section; a meeting agenda that runs longer is read from the dashboard. */
export const MAX_AGENDA_LINES = 15;

/**
 * 联席 [本周]: for a supervisor, the agenda of the joint meeting, privately: the period's joint (吹哨)
 * tickets with the bodies called and whether they reported, then the stuck tickets (overdue, or escalated)
 * with their age, how long overdue, who they were escalated to, and who holds them.
 */
export const jointMeeting: CommandHandler<'joint_meeting'> = async (deps, ctx, command) => {
  const range = periodRange(command.period, ctx.now);
  const { tickets, events } = await loadRatesInput(deps, { ...range, now: ctx.now });
  const agenda = jointMeetingAgenda(tickets, events, range, ctx.now);
  const joint = agenda.joint.slice(0, MAX_AGENDA_LINES).map((j) =>
    statsReplies.jointLine(
      j.ticket,
      STATUS_NAMES[j.ticket.status],
      ctx.now.getTime() - j.firstCalledAt.getTime(),
      holderOf(deps, j.ticket),
      j.bodies.map((b) => `${b.name}（${b.liaison ?? '无联络人'}，${b.reportedAt ? '已报到' : '未报到'}）`),
    ),
  );
  const stuck = agenda.stuck
    .slice(0, MAX_AGENDA_LINES)
    .map((s) =>
      statsReplies.stuckLine(
        s.ticket,
        ctx.now.getTime() - s.ticket.createdAt.getTime(),
        s.overdueMs,
        escalatedTo(deps, s.ticket),
        holderOf(deps, s.ticket),
      ),
    );
  const text = statsReplies.jointMeeting(command.period, periodText(range), joint, stuck);
  return done(null, [ctx.privately(text)]);
};

const holderOf = (deps: HandlerDeps, t: Ticket): string =>
  `${deps.directory.bodyDisplayName(t.body, t.location.compound)}（${t.assignees.join('、') || '待分派'}）`;

/** The person on the ladder rung the ticket has climbed to; null before the first escalation. */
function escalatedTo(deps: HandlerDeps, t: Ticket): string | null {
  return t.escalationLevel > 0
    ? (escalationLadder(deps.directory, t)[t.escalationLevel - 1]?.person ?? null)
    : null;
}
