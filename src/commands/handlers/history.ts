import { readsTicket } from '../authorize.js';
import { commandReplies, refusalReasons, stepText } from '../replies.js';
import type { CommandHandler } from './context.js';
import { done } from './context.js';
import { loadTicketFor } from './ticket-ops.js';

const MAX_STEPS = 30;

/** 查询 N: the full history with actors and details, privately, for staff whose scope the ticket is in. */
export const history: CommandHandler<'history'> = async (deps, ctx, command) => {
  const loaded = await loadTicketFor(
    deps,
    ctx,
    command.ticket,
    (t) => readsTicket(ctx.person, t),
    refusalReasons.notInScope,
  );
  if (!loaded.ok) {
    return loaded.result;
  }
  const t = loaded.ticket;
  const events = await deps.tickets.events(t.number);
  const steps = events
    .slice(-MAX_STEPS)
    .map((e) => stepText({ at: e.at, actor: e.actor, type: e.type, detail: e.detail }, e.type !== 'created'));
  return done(t.number, [ctx.privately(commandReplies.history(t, t.text, steps))]);
};

/** 查楼 N: a supervisor's list of the tickets of one building, newest first, privately. */
export const findBuilding: CommandHandler<'find_building'> = async (deps, ctx, command) => {
  const tickets = await deps.tickets.listTickets({ building: command.building });
  const newest = [...tickets].sort((a, b) => b.number - a.number).slice(0, 15);
  return done(null, [ctx.privately(commandReplies.building(command.building, newest))]);
};
