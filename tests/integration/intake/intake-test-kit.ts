import { afterEach, beforeEach } from 'vitest';
import { SimulatedClock } from '../../../src/clock/clock.js';
import { applyAction } from '../../../src/tickets/apply-action.js';
import type { TicketEvent } from '../../../src/tickets/ticket.js';
import { type ChatApp, startInlineApp } from '../../helpers/inline-app.js';

export const GROUP = '幸福里一区业主群';
export const START = new Date('2026-11-30T09:00:00+08:00');
export const SECOND = 1000;
export const HOUR = 3600 * SECOND;
export const DAY = 24 * HOUR;

/** The bot's logic (an inline queue, no chat protocol) on a simulated clock that tests move by hand. */
export async function startClockedApp(): Promise<{ app: ChatApp; clock: SimulatedClock }> {
  const clock = new SimulatedClock(START);
  const app = await startInlineApp({ clock });
  return { app, clock };
}

/**
 * A fresh clocked app for each test of the describe block it is called in, stopped after the test: read
 * `bot.app` and `bot.clock` inside the tests.
 */
export function clockedAppPerTest(): { app: ChatApp; clock: SimulatedClock } {
  const bot = {} as { app: ChatApp; clock: SimulatedClock };
  beforeEach(async () => {
    Object.assign(bot, await startClockedApp());
  });
  afterEach(async () => {
    await bot.app.stop();
  });
  return bot;
}

/** Takes a ticket through accept and resolve, as its grid worker would. */
export async function resolveTicket(app: ChatApp, clock: SimulatedClock, number: number): Promise<void> {
  const at = () => clock.now();
  await expectOk(
    applyAction(app.tickets, number, { action: 'accept', actor: '李明', at: at(), detail: '接单' }),
  );
  await expectOk(
    applyAction(app.tickets, number, {
      action: 'resolve',
      actor: '李明',
      at: at(),
      detail: '已修复',
      patch: { resolvedAt: at() },
    }),
  );
}

/** Resolves then closes a ticket with the reporter's confirmation, at the clock's time. */
export async function closeTicket(app: ChatApp, clock: SimulatedClock, number: number): Promise<void> {
  await resolveTicket(app, clock, number);
  await expectOk(
    applyAction(app.tickets, number, {
      action: 'confirm',
      actor: '王阿姨',
      at: clock.now(),
      detail: '满意',
      patch: { closedAt: clock.now() },
    }),
  );
}

export async function eventTypes(app: ChatApp, number: number): Promise<string[]> {
  return (await app.tickets.events(number)).map((e: TicketEvent) => e.type);
}

async function expectOk(result: Promise<{ ok: boolean }>): Promise<void> {
  if (!(await result).ok) {
    throw new Error('the test could not move the ticket');
  }
}
