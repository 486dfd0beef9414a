import type { Directory, Person } from '../../directory/directory.js';
import { maskPersonalData } from '../../privacy/mask.js';
import type { Ticket } from '../../tickets/ticket.js';
import { handles, isBodyLiaison, isCalledLiaison } from '../authorize.js';
import { refusalReasons, workReplies } from '../replies.js';
import type { CommandHandler } from './context.js';
import { toReporter } from './context.js';
import { act, loadTicketFor } from './ticket-ops.js';

/** How the reporter hears who acts: 安居物业魏经理, 网格员李明, or the name. */
export function actorLabel(directory: Directory, p: Person, t: Ticket): string {
  if (isBodyLiaison(p, t)) {
    return `${directory.bodyDisplayName(t.body, t.location.compound)}${p.name}`;
  }
  return p.roles.includes('grid_worker') ? `网格员${p.name}` : p.name;
}

/** 接单 N: a handler accepts an open ticket; the response time is recorded and the reporter told. */
export const accept: CommandHandler<'accept'> = async (deps, ctx, command) => {
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
  const who = actorLabel(deps.directory, ctx.person, t);
  const res = await act(deps, ctx, t.number, {
    action: 'accept',
    detail: '接单',
    patch: { respondedAt: t.respondedAt ?? ctx.now },
    outbox: (next) => [
      ctx.privately(workReplies.accepted(next.number)),
      toReporter(next, workReplies.acceptedNotice(next, who)),
    ],
  });
  return res.result;
};

/** 进展 N 文本: a handler (or a called body) notes progress; the reporter is told where they reported. */
export const update: CommandHandler<'update'> = async (deps, ctx, command) => {
  const loaded = await loadTicketFor(
    deps,
    ctx,
    command.ticket,
    (t) => handles(ctx.person, t) && !isCalledLiaison(ctx.person, t),
    refusalReasons.notHandler,
  );
  if (!loaded.ok) {
    return loaded.result;
  }
  const t = loaded.ticket;
  const note = maskPersonalData(command.text);
  const res = await act(deps, ctx, t.number, {
    action: 'progress',
    detail: note,
    outbox: (next) => [
      ctx.privately(workReplies.updated(next.number)),
      toReporter(next, workReplies.updateNotice(next, note)),
    ],
  });
  return res.result;
};
