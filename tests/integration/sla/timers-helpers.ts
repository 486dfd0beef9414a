import { SimulatedClock } from '../../../src/clock/clock.js';
import { stepTimersUntil } from '../../../src/sla/timers/step-timers.js';
import type { TicketEvent } from '../../../src/tickets/ticket.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

export const GROUP = '幸福里一区业主群';

/** An instant in China time: `t('2026-12-01 09:00')`. */
export const t = (text: string): Date => new Date(`${text.replace(' ', 'T')}:00+08:00`);

export type ClockedApp = TestApp & {
  clock: SimulatedClock;
  /** Moves the clock to `text`, every timer due on the way firing at its own time through the queue. */
  advance(text: string): Promise<void>;
  events(ticket: number, type?: string): Promise<TicketEvent[]>;
};

/** The test app on a simulated clock (the periodic sweep is off: the test drives the sweep job). */
export async function startClockedApp(
  start: string,
  reuse: { dataDir?: string; queuePrefix?: string; env?: Record<string, string> } = {},
): Promise<ClockedApp> {
  const clock = new SimulatedClock(t(start));
  const app = await startTestApp({ clock, ...reuse });
  return Object.assign(app, {
    clock,
    advance: async (text: string) => {
      await stepTimersUntil(t(text), clock, app);
    },
    events: async (ticket: number, type?: string) =>
      (await app.tickets.events(ticket)).filter((e) => type === undefined || e.type === type),
  });
}

/** The messages the bot sent privately to `name`. */
export const privateTo = (app: TestApp, name: string) =>
  app.sent.filter((m) => m.room === null && m.to === name);
