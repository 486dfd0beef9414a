import { expect } from 'vitest';
import type { OutboxMessage } from '../../../src/tickets/outbox.js';
import type { Ticket } from '../../../src/tickets/ticket.js';
import { type ChatApp, startInlineApp } from '../../helpers/inline-app.js';

export const GROUP_1 = '幸福里一区业主群';
export const GROUP_2 = '幸福里二区居民群';
export const ELEVATOR = '3号楼电梯又坏了，老人下不了楼，有事打我电话13812345678';
export const ROOF_LEAK = '15号楼顶楼漏水，屋顶渗水到家里';

/** The bot's logic on an inline queue, with a send rate that never makes a test wait on the wall clock. */
export function startCommandsApp(): Promise<ChatApp> {
  return startInlineApp({ env: { OUTBOX_PER_MINUTE: '100000' } });
}

/** Reports a problem and returns the ticket it opened. */
export async function report(app: ChatApp, from: string, room: string | null, text: string): Promise<Ticket> {
  const before = (await app.tickets.listTickets()).length;
  await app.say({ from, room, text });
  const tickets = await app.tickets.listTickets();
  expect(tickets).toHaveLength(before + 1);
  return tickets.at(-1) as Ticket;
}

/** Says something and returns what the bot sent in answer. */
export async function exchange(
  app: ChatApp,
  message: { from: string; room?: string | null; text?: string; image?: string; mention?: boolean },
): Promise<OutboxMessage[]> {
  const mark = app.sent.length;
  await app.say({ room: null, ...message });
  return app.sent.slice(mark);
}

export const to = (sent: readonly OutboxMessage[], name: string) => sent.filter((m) => m.to === name);
export const inGroup = (sent: readonly OutboxMessage[], room: string) => sent.filter((m) => m.room === room);

export async function ticket(app: ChatApp, n: number): Promise<Ticket> {
  const t = await app.tickets.getTicket(n);
  if (!t) {
    throw new Error(`no ticket #${n}`);
  }
  return t;
}

export async function eventTypes(app: ChatApp, n: number): Promise<string[]> {
  return (await app.tickets.events(n)).map((e) => e.type);
}

/**
 * Sends a command that must be refused: exactly one private answer to the sender saying why, nothing in
 * any group, and the ticket and its event log unchanged.
 */
export async function expectRefused(
  app: ChatApp,
  n: number,
  message: { from: string; room?: string | null; text: string },
  why: RegExp,
): Promise<void> {
  const before = await ticket(app, n);
  const eventsBefore = (await app.tickets.events(n)).length;
  const sent = await exchange(app, message);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ room: null, to: message.from });
  expect(sent[0]?.text).toMatch(why);
  expect(await app.tickets.events(n)).toHaveLength(eventsBefore);
  expect(await ticket(app, n)).toEqual(before);
}
