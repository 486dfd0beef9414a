import { resumeFrom } from '../../sla/timers/resume-deadlines.js';
import { openBlockers } from '../../stats/open-blockers.js';
import { blockerReplies } from '../../tickets/blocker-text.js';
import { BLOCKED, blockedDetail, openBlocker, UNBLOCKED } from '../../tickets/blockers.js';
import type { Ticket, TicketStatus } from '../../tickets/ticket.js';
import { gridWorkerOf, handles, readsTicket } from '../authorize.js';
import { refusalReasons } from '../replies.js';
import type { CommandHandler } from './context.js';
import { done, tellEach } from './context.js';
import { loadTicket, record, refuse } from './ticket-ops.js';

/** Statuses in which the work can be stuck. */
const WORKING: readonly TicketStatus[] = ['open', 'accepted', 'returned'];

/** Lines listed before the rest are only counted. */
export const MAX_BLOCKER_LINES = 30;

/** Who hears of a blocker: the grid worker and the grid's party branch secretary. */
function blockerAudience(deps: Parameters<CommandHandler>[0], t: Ticket): string[] {
  const grid = t.grid === null ? undefined : deps.directory.gridByName(t.grid);
  return [gridWorkerOf(deps.directory, t), grid?.secretary ?? null].filter((n): n is string => n !== null);
}

/**
 * 卡点 N 原因 说明: a handler records why the ticket is stuck. The resolution clock stops (the body's own
 * part: a called body's report deadline runs on) until 解除卡点; the ticket is on the supervisors' list.
 */
export const block: CommandHandler<'block'> = async (deps, ctx, command) => {
  const loaded = await loadTicket(deps, ctx, command.ticket);
  if (!loaded.ok) {
    return loaded.result;
  }
  const t = loaded.ticket;
  if (!handles(ctx.person, t)) {
    return refuse(ctx, t.number, refusalReasons.notHandler);
  }
  if (!WORKING.includes(t.status)) {
    return done(t.number, [ctx.privately(blockerReplies.notWorking(t.number))]);
  }
  const res = await record(deps, ctx, t, {
    type: BLOCKED,
    detail: blockedDetail({ reason: command.reason, note: command.note }),
    outbox: [
      ctx.privately(blockerReplies.recorded(t, command.reason)),
      ...tellEach(
        t,
        blockerAudience(deps, t),
        blockerReplies.recordedNotice(t, ctx.person.name, command.reason, command.note),
        ctx.person.name,
      ),
    ],
  });
  return res.result;
};

/** 解除卡点 N [说明]: the blocker is cleared and the resolution deadline moves out by the time it stood. */
export const unblock: CommandHandler<'unblock'> = async (deps, ctx, command) => {
  const loaded = await loadTicket(deps, ctx, command.ticket);
  if (!loaded.ok) {
    return loaded.result;
  }
  const t = loaded.ticket;
  if (!readsTicket(ctx.person, t)) {
    return refuse(ctx, t.number, refusalReasons.notHandler);
  }
  const blocker = openBlocker(await deps.tickets.events(t.number));
  if (!blocker) {
    return done(t.number, [ctx.privately(blockerReplies.notBlocked(t.number))]);
  }
  const { resolveBy } = resumeFrom(t, blocker.since, ctx.now, deps.calendar);
  const moved = { ...t, resolveBy };
  const res = await record(deps, ctx, t, {
    type: UNBLOCKED,
    detail: command.note ?? '',
    patch: { resolveBy },
    outbox: [
      ctx.privately(blockerReplies.cleared(moved, ctx.now)),
      ...tellEach(
        t,
        [...new Set([...t.assignees, ...blockerAudience(deps, t)])],
        blockerReplies.clearedNotice(t, ctx.person.name, command.note),
        ctx.person.name,
      ),
    ],
  });
  return res.result;
};

/** 卡点清单 (or a bare 卡点): the open blockers in the sender's scope, oldest first, privately. */
export const blockers: CommandHandler<'blockers'> = async (deps, ctx) => {
  const found = await openBlockers(deps.tickets, (t) => readsTicket(ctx.person, t));
  if (found.length === 0) {
    return done(null, [ctx.privately(blockerReplies.none())]);
  }
  const lines = found
    .slice(0, MAX_BLOCKER_LINES)
    .map((f) => blockerReplies.line(f.ticket, f.blocker, ctx.now));
  return done(null, [ctx.privately(blockerReplies.list(lines, found.length - lines.length))]);
};
