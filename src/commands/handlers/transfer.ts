import { tiaoKuaiOf } from '../../labels/labels.js';
import { maskPersonalData } from '../../privacy/mask.js';
import { computeDeadlines } from '../../sla/deadlines.js';
import type { Ticket } from '../../tickets/ticket.js';
import { dispatchers, gridWorkerOf, mayRedirect, mayReroute } from '../authorize.js';
import { refusalReasons, workReplies } from '../replies.js';
import type { CommandHandler, HandlerDeps } from './context.js';
import { tellEach, toReporter } from './context.js';
import { act, loadTicket, loadTicketFor, refuse } from './ticket-ops.js';
import { actorLabel } from './work-actions.js';

/**
 * 转派 N 单位 理由: a handler or supervisor transfers an open or accepted ticket to another body (counted);
 * on a returned ticket the dispatcher's or supervisor's 转派 is a re-route. The new body's liaison
 * replaces the old one among the assignees (the grid worker stays) and is told; so is the reporter.
 */
export const transfer: CommandHandler<'transfer'> = async (deps, ctx, command) => {
  const loaded = await loadTicket(deps, ctx, command.ticket);
  if (!loaded.ok) {
    return loaded.result;
  }
  const t = loaded.ticket;
  const rerouting = t.status === 'returned';
  if (rerouting && !mayReroute(deps.directory, ctx.person, t)) {
    return refuse(ctx, t.number, refusalReasons.notDispatcher);
  }
  if (!rerouting && !mayRedirect(ctx.person, t)) {
    return refuse(ctx, t.number, refusalReasons.notHandler);
  }
  if (!rerouting && command.body === t.body) {
    return refuse(ctx, t.number, refusalReasons.sameBody);
  }
  const liaison = deps.directory.liaisonOf(command.body, t.location.compound);
  if (liaison === null) {
    return refuse(ctx, t.number, refusalReasons.noLiaison);
  }
  const bodyName = deps.directory.bodyDisplayName(command.body, t.location.compound);
  const from = actorLabel(deps.directory, ctx.person, t);
  const res = await act(deps, ctx, t.number, {
    action: rerouting ? 'reroute' : 'transfer',
    detail: `${t.body} → ${command.body}：${maskPersonalData(command.reason)}`,
    patch: {
      body: command.body,
      tiaoKuai: tiaoKuaiOf(command.body),
      assignees: reassign(deps, t, liaison),
      // the new body gets a whole response window of its own; the resolution deadline stands
      respondBy: computeDeadlines(
        { createdAt: ctx.now, urgency: t.urgency, category: t.category },
        deps.directory.data.deadlines,
        deps.calendar,
      ).respondBy,
    },
    outbox: (next) => [
      ctx.privately(workReplies.transferred(next.number, bodyName)),
      ...tellEach(
        next,
        [liaison],
        workReplies.transferNotice(next, bodyName, from, command.reason),
        ctx.person.name,
      ),
      toReporter(next, workReplies.transferReporterNotice(next, bodyName)),
    ],
  });
  return res.result;
};

function reassign(deps: HandlerDeps, t: Ticket, liaison: string): string[] {
  const old = deps.directory.liaisonOf(t.body, t.location.compound);
  return [...new Set([...t.assignees.filter((a) => a !== old), liaison])];
}

/**
 * 退回 N 理由: a handler returns the ticket as not theirs (counted). The returning body leaves the assignees;
 * the grid worker who holds the ticket (who may re-route it with 转派) and the dispatchers are told why.
 */
export const returnTicket: CommandHandler<'return'> = async (deps, ctx, command) => {
  const loaded = await loadTicketFor(
    deps,
    ctx,
    command.ticket,
    (t) => mayRedirect(ctx.person, t),
    refusalReasons.notHandler,
  );
  if (!loaded.ok) {
    return loaded.result;
  }
  const t = loaded.ticket;
  const who = actorLabel(deps.directory, ctx.person, t);
  const gridWorker = gridWorkerOf(deps.directory, t);
  const liaison = deps.directory.liaisonOf(t.body, t.location.compound);
  const leaving = ctx.person.name === gridWorker ? null : (liaison ?? ctx.person.name);
  const res = await act(deps, ctx, t.number, {
    action: 'return',
    detail: maskPersonalData(command.reason),
    patch: { assignees: t.assignees.filter((a) => a !== leaving) },
    outbox: (next) => [
      ctx.privately(workReplies.returned(next.number)),
      ...tellEach(
        next,
        [...new Set([...(gridWorker ? [gridWorker] : []), ...dispatchers(deps.directory)])],
        workReplies.returnNotice(next, who, command.reason),
        ctx.person.name,
      ),
    ],
  });
  return res.result;
};
