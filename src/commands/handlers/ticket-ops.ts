import { type ActionInput, type ActionStep, applyActions } from '../../tickets/apply-action.js';
import type { EventType } from '../../tickets/event-types.js';
import type { OutboxMessage } from '../../tickets/outbox.js';
import type { Ticket, TicketPatch } from '../../tickets/ticket.js';
import { commandReplies } from '../replies.js';
import type { CommandContext, HandlerDeps, HandlerResult } from './context.js';
import { done } from './context.js';

/** The ticket, or the answer that it does not exist. */
export async function loadTicket(
  deps: HandlerDeps,
  ctx: CommandContext,
  n: number,
): Promise<{ ok: true; ticket: Ticket } | { ok: false; result: HandlerResult }> {
  const ticket = await deps.tickets.getTicket(n);
  return ticket
    ? { ok: true, ticket }
    : { ok: false, result: done(n, [ctx.here(commandReplies.notFound(n))]) };
}

/** Loads ticket `n` for a sender who must pass `may`; otherwise the refusal says `why`, privately. */
export async function loadTicketFor(
  deps: HandlerDeps,
  ctx: CommandContext,
  n: number,
  may: (ticket: Ticket) => boolean,
  why: string,
): Promise<{ ok: true; ticket: Ticket } | { ok: false; result: HandlerResult }> {
  const loaded = await loadTicket(deps, ctx, n);
  if (loaded.ok && !may(loaded.ticket)) {
    return { ok: false, result: refuse(ctx, n, why) };
  }
  return loaded;
}

/** A refusal: says why, privately, and changes nothing. */
export const refuse = (ctx: CommandContext, n: number, why: string): HandlerResult =>
  done(n, [ctx.privately(commandReplies.refused(n, why))]);

/**
 * A lifecycle action through the status machine (applyAction: one atomic store change guarded by the
 * status it read). An illegal transition or a concurrent change is answered privately in words.
 */
export function act(
  deps: HandlerDeps,
  ctx: CommandContext,
  n: number,
  input: Omit<ActionInput, 'actor' | 'at'>,
): Promise<{ ok: true; ticket: Ticket; result: HandlerResult } | { ok: false; result: HandlerResult }> {
  const { outbox, settles: _settles, ...step } = input;
  return actSteps(deps, ctx, n, [step], outbox);
}

/** Several steps (e.g. accept then resolve) as one atomic store change: all of them, or none. */
export async function actSteps(
  deps: HandlerDeps,
  ctx: CommandContext,
  n: number,
  steps: readonly ActionStep[],
  outbox?: ActionInput['outbox'],
): Promise<{ ok: true; ticket: Ticket; result: HandlerResult } | { ok: false; result: HandlerResult }> {
  const settles = ctx.settleMarker();
  const res = await applyActions(deps.tickets, n, {
    steps,
    actor: ctx.message.sender,
    at: ctx.now,
    outbox,
    ...(settles ? { settles } : {}),
  });
  if (res.ok) {
    ctx.markSettled();
    return { ok: true, ticket: res.ticket, result: done(n, [], res.outboxIds) };
  }
  if (res.reason === 'illegal_transition') {
    return { ok: false, result: done(n, [ctx.privately(commandReplies.illegal(res.ticket, res.action))]) };
  }
  const text = res.reason === 'not_found' ? commandReplies.notFound(n) : commandReplies.conflict(n);
  return { ok: false, result: done(n, [ctx.privately(text)]) };
}

/**
 * An event that records something without moving the status (补充, 评价, 吹哨…), in one store change that
 * refuses when the status moved since `ticket` was read.
 */
export async function record(
  deps: HandlerDeps,
  ctx: CommandContext,
  ticket: Ticket,
  input: {
    type: EventType;
    detail: string;
    patch?: TicketPatch;
    outbox?: readonly OutboxMessage[];
  },
): Promise<{ ok: true; ticket: Ticket; result: HandlerResult } | { ok: false; result: HandlerResult }> {
  const settles = ctx.settleMarker();
  const res = await deps.tickets.change(ticket.number, {
    event: { at: ctx.now, actor: ctx.message.sender, type: input.type, detail: input.detail },
    patch: input.patch ?? {},
    expectStatus: [ticket.status],
    outbox: input.outbox ?? [],
    ...(settles ? { settles } : {}),
  });
  if (res.ok) {
    ctx.markSettled();
    return { ok: true, ticket: res.ticket, result: done(ticket.number, [], res.outboxIds) };
  }
  return { ok: false, result: done(ticket.number, [ctx.privately(commandReplies.conflict(ticket.number))]) };
}

/** Joins the outbox ids and replies of several steps of one command. */
export function merge(...results: HandlerResult[]): HandlerResult {
  return {
    ticket: results.find((r) => r.ticket !== null)?.ticket ?? null,
    replies: results.flatMap((r) => r.replies),
    outboxIds: results.flatMap((r) => r.outboxIds),
  };
}
