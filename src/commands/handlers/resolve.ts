import { refusalReasons, workReplies } from '../../bot/replies/command-replies.js';
import { maskPersonalData } from '../../privacy/mask.js';
import type { Ticket } from '../../tickets/ticket.js';
import { handles } from '../authorize.js';
import type { CommandContext, CommandHandler, HandlerDeps, HandlerResult } from './context.js';
import { done, privateTo, toReporter } from './context.js';
import { act, loadTicketFor, merge, record } from './ticket-ops.js';

/**
 * 办结 N 文本: a handler resolves with text evidence of what was done (at least `minResolveTextLength`
 * characters). An open ticket is accepted first (two events), so the response time is still recorded.
 * Then the reporter and co-reporters are asked to confirm (`confirmation_requested`).
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
  const steps: HandlerResult[] = [];
  if (t.status === 'open') {
    const accepted = await act(deps, ctx, t.number, {
      action: 'accept',
      detail: '接单（办结时）',
      patch: { respondedAt: t.respondedAt ?? ctx.now },
    });
    if (!accepted.ok) {
      return accepted.result;
    }
    steps.push(accepted.result);
  }
  const what = maskPersonalData(command.text);
  const current = (await deps.tickets.getTicket(t.number)) ?? t;
  const resolved = await act(deps, ctx, t.number, {
    action: 'resolve',
    detail: what,
    patch: {
      resolvedAt: ctx.now,
      evidence: [...current.evidence, { kind: 'text', ref: what, at: ctx.now, by: ctx.message.sender }],
    },
    outbox: [ctx.privately(workReplies.resolved(t.number))],
  });
  if (!resolved.ok) {
    return merge(...steps, resolved.result);
  }
  const asked = await requestConfirmation(deps, ctx, resolved.ticket, what);
  return merge(...steps, resolved.result, asked);
};

/** Asks the reporter (where they reported) and each co-reporter (privately) to confirm; one event. */
async function requestConfirmation(
  deps: HandlerDeps,
  ctx: CommandContext,
  t: Ticket,
  what: string,
): Promise<HandlerResult> {
  const text = workReplies.confirmationRequest(t, what);
  const outbox = [
    toReporter(t, text),
    ...t.coReporters.filter((n) => n !== t.reporter).map((n) => privateTo(n, text)),
  ];
  const asked = [t.reporter, ...t.coReporters].join('、');
  const res = await record(deps, ctx, t, { type: 'confirmation_requested', detail: asked, outbox });
  return res.result;
}
