import { maskPersonalData } from '../../privacy/mask.js';
import { isReporter, isReporterOrCo } from '../authorize.js';
import { refusalReasons, workReplies } from '../replies.js';
import type { CommandContext, CommandHandler } from './context.js';
import { tellEach } from './context.js';
import { act, loadTicketFor, record, refuse } from './ticket-ops.js';

const FINISHED = new Set(['closed', 'cancelled', 'merged']);

const senderOf = (ctx: CommandContext) => ({ name: ctx.message.sender, id: ctx.message.senderId });

/** 补充 N 文本: the reporter or a co-reporter adds information; the assignees hear it privately. */
export const supplement: CommandHandler<'supplement'> = async (deps, ctx, command) => {
  const loaded = await loadTicketFor(
    deps,
    ctx,
    command.ticket,
    (t) => isReporterOrCo(t, senderOf(ctx)),
    refusalReasons.notReporter,
  );
  if (!loaded.ok) {
    return loaded.result;
  }
  const t = loaded.ticket;
  if (FINISHED.has(t.status)) {
    return refuse(ctx, t.number, refusalReasons.finished);
  }
  const outbox = [
    ctx.here(workReplies.supplemented(t.number)),
    ...tellEach(t, t.assignees, workReplies.supplementNotice(t, ctx.message.sender, command.text)),
  ];
  const res = await record(deps, ctx, t, {
    type: 'supplemented',
    detail: maskPersonalData(command.text),
    outbox,
  });
  return res.result;
};

/** 撤回 N: the reporter withdraws; the assignees are told. */
export const withdraw: CommandHandler<'withdraw'> = async (deps, ctx, command) => {
  const loaded = await loadTicketFor(
    deps,
    ctx,
    command.ticket,
    (t) => isReporter(t, senderOf(ctx)),
    refusalReasons.notReporter,
  );
  if (!loaded.ok) {
    return loaded.result;
  }
  const t = loaded.ticket;
  const res = await act(deps, ctx, t.number, {
    action: 'withdraw',
    detail: '反映人撤回',
    outbox: (next) => [
      ctx.here(workReplies.withdrawn(next.number)),
      ...tellEach(next, next.assignees, workReplies.withdrawNotice(next)),
    ],
  });
  return res.result;
};

/** 评价 N 1-5: the reporter rates a resolved or closed ticket, once. */
export const rate: CommandHandler<'rate'> = async (deps, ctx, command) => {
  const loaded = await loadTicketFor(
    deps,
    ctx,
    command.ticket,
    (t) => isReporter(t, senderOf(ctx)),
    refusalReasons.notReporter,
  );
  if (!loaded.ok) {
    return loaded.result;
  }
  const t = loaded.ticket;
  if (t.status !== 'resolved' && t.status !== 'closed') {
    return refuse(ctx, t.number, refusalReasons.notRatable);
  }
  if (t.rating !== null) {
    return refuse(ctx, t.number, refusalReasons.alreadyRated);
  }
  const res = await record(deps, ctx, t, {
    type: 'rated',
    detail: String(command.score),
    patch: { rating: command.score },
    outbox: [ctx.here(workReplies.rated(t.number, command.score))],
  });
  return res.result;
};
