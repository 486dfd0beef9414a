import type { Directory } from '../../directory/directory.js';
import { maskPersonalData } from '../../privacy/mask.js';
import { PUBLIC_DETAIL } from '../../tickets/public-notes.js';
import type { Ticket, TicketEvent } from '../../tickets/ticket.js';
import { isReporterOrCo } from '../authorize.js';
import { commandReplies, refusalReasons, stepText } from '../replies.js';
import type { CommandHandler } from './context.js';
import { done } from './context.js';
import { loadTicket, refuse } from './ticket-ops.js';

const LAST_STEPS = 3;

/**
 * 进度 N: status, category, place, who handles it and the last steps, for the reporter and co-reporters,
 * staff, and residents of the group it was reported in, by the same rule whether they ask in the group or
 * privately (a member of the group is someone the bot has seen write in it). Nobody's personal data: residents who acted are
 * not named, the report's own text is not shown, staff notes are masked.
 */
export const progress: CommandHandler<'progress'> = async (deps, ctx, command) => {
  const loaded = await loadTicket(deps, ctx, command.ticket);
  if (!loaded.ok) {
    return loaded.result;
  }
  const t = loaded.ticket;
  const sender = { name: ctx.message.sender, id: ctx.message.senderId };
  const concerned = isReporterOrCo(t, sender) || !ctx.person.roles.includes('resident');
  if (!concerned && !(await inReportGroup(deps, ctx, t))) {
    return refuse(ctx, t.number, refusalReasons.notVisible);
  }
  const events = await deps.tickets.events(t.number);
  const steps = events.slice(-LAST_STEPS).map((e) => publicStep(deps.directory, e));
  const handler = deps.directory.bodyDisplayName(t.body, t.location.compound);
  // a neighbour learns where the problem is, not which flat reported it
  const shown = concerned ? t : { ...t, location: { ...t.location, room: null } };
  return done(t.number, [ctx.here(commandReplies.progress(shown, handler, steps))]);
};

/** Whether the asker is a member of the group the ticket was reported in: asking there, or seen writing there. */
async function inReportGroup(
  deps: Parameters<CommandHandler<'progress'>>[0],
  ctx: Parameters<CommandHandler<'progress'>>[1],
  t: Ticket,
): Promise<boolean> {
  if (t.room === null) {
    return false;
  }
  if (ctx.message.room !== null) {
    return ctx.message.room === t.room;
  }
  const seen = await deps.tickets.recentMessages({
    senderId: ctx.message.senderId,
    roomId: t.roomId,
    since: new Date(0),
  });
  return seen.some((m) => m.room === t.room);
}

function publicStep(directory: Directory, e: TicketEvent): string {
  const staff = directory.isStaff(e.actor);
  const detail = staff && PUBLIC_DETAIL.has(e.type) ? maskPersonalData(e.detail) : '';
  return stepText({ at: e.at, actor: staff ? e.actor : null, type: e.type, detail }, detail !== '');
}
