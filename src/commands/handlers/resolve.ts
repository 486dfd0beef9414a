import { maskPersonalData } from '../../privacy/mask.js';
import type { OutboxMessage } from '../../tickets/outbox.js';
import { resolutionSteps } from '../../tickets/resolution.js';
import type { Ticket } from '../../tickets/ticket.js';
import { handles } from '../authorize.js';
import { refusalReasons, workReplies } from '../replies.js';
import type { CommandHandler } from './context.js';
import { done, toReporters } from './context.js';
import { actSteps, loadTicketFor } from './ticket-ops.js';

/**
 * 办结 N 文本 (答复 N 文本 for a question): a handler resolves with text evidence of what was done (at least `minResolveTextLength`
 * characters). An open ticket is accepted first (its own event, so the response time is recorded), and the
 * reporter and co-reporters are asked to confirm (`confirmation_requested`): all in one store change.
 */
export const resolve: CommandHandler<'resolve'> = async (deps, ctx, command) => {
  const loaded = await loadTicketFor(
    deps,
    ctx,
    command.ticket,
    (t) => handles(ctx.person, t),
    refusalReasons.notHandler,
  );
  if (!loaded.ok) {
    return loaded.result;
  }
  const t = loaded.ticket;
  const min = deps.settings.minResolveTextLength;
  if ([...command.text.trim()].length < min) {
    return done(t.number, [ctx.privately(workReplies.resolveTooShort(t.number, min))]);
  }
  const what = maskPersonalData(command.text);
  // one change: (accept,) resolve and the confirmation request, so a crash never leaves half of 办结 done
  const res = await actSteps(
    deps,
    ctx,
    t.number,
    resolutionSteps(t, { what, by: ctx.message.sender, at: ctx.now, acceptedWhy: '接单（办结时）' }),
    (next) => [
      ctx.privately(
        next.intent === 'inquiry' ? workReplies.answered(next.number) : workReplies.resolved(next.number),
      ),
      ...confirmationRequests(next, what),
    ],
  );
  return res.result;
};

/** Asks the reporter (where they reported) and each co-reporter (privately) to confirm. */
function confirmationRequests(t: Ticket, what: string): OutboxMessage[] {
  return toReporters(t, workReplies.confirmationRequest(t, what));
}
