import { volunteerSuitable } from '../../routing/volunteer-offers.js';
import { gridWorkerOf } from '../authorize.js';
import { commandReplies, refusalReasons, workReplies } from '../replies.js';
import type { CommandHandler } from './context.js';
import { done, tellEach } from './context.js';
import { loadTicket, record, refuse } from './ticket-ops.js';

/** 认领 N: a party member claims an open or accepted volunteer-suitable ticket and joins its assignees. */
export const claim: CommandHandler<'claim'> = async (deps, ctx, command) => {
  const loaded = await loadTicket(deps, ctx, command.ticket);
  if (!loaded.ok) {
    return loaded.result;
  }
  const t = loaded.ticket;
  if (t.status !== 'open' && t.status !== 'accepted') {
    return done(t.number, [ctx.privately(commandReplies.illegalCommand(t, 'claim'))]);
  }
  if (!volunteerSuitable(deps.directory, t)) {
    return refuse(ctx, t.number, refusalReasons.notClaimable);
  }
  if (t.assignees.includes(ctx.person.name)) {
    return refuse(ctx, t.number, refusalReasons.alreadyClaimed);
  }
  const res = await record(deps, ctx, t, {
    type: 'claimed',
    detail: ctx.person.name,
    patch: { assignees: [...t.assignees, ctx.person.name] },
    outbox: [
      ctx.privately(workReplies.claimed(t.number)),
      ...tellEach(
        t,
        [gridWorkerOf(deps.directory, t)],
        workReplies.claimNotice(t, ctx.person.name),
        ctx.person.name,
      ),
    ],
  });
  return res.result;
};
