import { maskPersonalData } from '../../privacy/mask.js';
import type { Ticket } from '../../tickets/ticket.js';
import { isReporterOrCo } from '../authorize.js';
import { refusalReasons, workReplies } from '../replies.js';
import type { CommandContext, CommandHandler, HandlerDeps, HandlerResult } from './context.js';
import { done, tellEach } from './context.js';
import { act, loadTicket, refuse } from './ticket-ops.js';

/** At most this many resolved tickets are listed as awaiting one person's verdict. */
const MOST_AWAITING = 50;

/** The resolved tickets that await this sender's verdict (as reporter or co-reporter), oldest first. */
export async function awaitingConfirmation(
  deps: Pick<HandlerDeps, 'tickets'>,
  sender: { name: string; id: string },
): Promise<Ticket[]> {
  // asked for nearly every message that starts with a digit (「12号楼…」): the sender's own tickets only
  const waiting = await deps.tickets.ticketsOfPerson({
    person: sender,
    statuses: ['resolved'],
    limit: MOST_AWAITING,
  });
  return waiting.reverse();
}

/**
 * The ticket a 满意/不满意 is about: the one named, or the only one awaiting this sender. Answers when none
 * or several await, or when the sender is not a reporter of the named ticket.
 */
async function pick(
  deps: HandlerDeps,
  ctx: CommandContext,
  n: number | null,
  verb: string,
): Promise<{ ok: true; ticket: Ticket } | { ok: false; result: HandlerResult }> {
  const sender = { name: ctx.message.sender, id: ctx.message.senderId };
  if (n !== null) {
    const loaded = await loadTicket(deps, ctx, n);
    if (loaded.ok && !isReporterOrCo(loaded.ticket, sender)) {
      return { ok: false, result: refuse(ctx, n, refusalReasons.notReporterOrCo) };
    }
    return loaded;
  }
  const waiting = await awaitingConfirmation(deps, sender);
  const [only] = waiting;
  if (only && waiting.length === 1) {
    return { ok: true, ticket: only };
  }
  const text =
    waiting.length === 0
      ? workReplies.noneAwaiting()
      : workReplies.whichAwaiting(
          waiting.map((t) => t.number),
          verb,
        );
  return { ok: false, result: done(null, [ctx.here(text)]) };
}

/** 满意 [N]: confirms a resolution; the ticket closes as satisfied and the assignees are told. */
export const confirm: CommandHandler<'confirm'> = async (deps, ctx, command) => {
  const picked = await pick(deps, ctx, command.ticket, '满意');
  if (!picked.ok) {
    return picked.result;
  }
  const res = await act(deps, ctx, picked.ticket.number, {
    action: 'confirm',
    detail: '满意',
    patch: { closedAt: ctx.now },
    outbox: (t) => [
      ctx.here(workReplies.confirmed(t.number)),
      ...tellEach(t, t.assignees, workReplies.confirmNotice(t)),
    ],
  });
  return res.result;
};

/** 不满意 [N] [理由]: rejects a resolution; back to accepted, a reopen counted, the assignees told why. */
export const reject: CommandHandler<'reject'> = async (deps, ctx, command) => {
  const picked = await pick(deps, ctx, command.ticket, '不满意');
  if (!picked.ok) {
    return picked.result;
  }
  const res = await act(deps, ctx, picked.ticket.number, {
    action: 'reject',
    detail: command.reason ? maskPersonalData(command.reason) : '不满意',
    patch: { resolvedAt: null },
    outbox: (t) => [
      ctx.here(workReplies.rejected(t.number)),
      ...tellEach(t, t.assignees, workReplies.rejectNotice(t, command.reason)),
    ],
  });
  return res.result;
};
