import { performance } from 'node:perf_hooks';
import type { Sandbox } from '../src/bot/wechaty/sandbox-worlds.js';
import type { App } from '../src/compose.js';
import { messageMix } from './message-mix.js';

/**
 * Says `messages` lines of the group mix at once on the bot's sandbox chat and waits until every one is
 * stored and read (its ticket or outcome and its replies committed and queued; the sending goes on meanwhile,
 * as in the bot, but is not waited for). Returns the messages read per second.
 */
export async function readBurst(
  app: App,
  messages: number | ReadonlyArray<{ room: string; from: string; text: string }>,
  timeoutMs = 300_000,
): Promise<number> {
  const world = app.bot.sandbox;
  if (!world) {
    throw new Error('the bench needs the sandbox');
  }
  const lines = typeof messages === 'number' ? messageMix(messages) : messages;
  const started = performance.now();
  for (const m of lines) {
    world.say(m);
  }
  await allRead(app, world, timeoutMs);
  return (lines.length / (performance.now() - started)) * 1000;
}

async function allRead(app: App, world: Sandbox, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const future = new Date(Date.now() + 24 * 3600_000);
  for (;;) {
    const taken = app.bot.handledCount() >= world.deliveredCount();
    if (taken && (await app.tickets.unreadMessages({ receivedBefore: future, limit: 1 })).length === 0) {
      return;
    }
    if (Date.now() > deadline) {
      const unread = await app.tickets.unreadMessages({ receivedBefore: future, limit: 1000 });
      throw new Error(
        `the messages were not all read in time: ${app.bot.handledCount()} of ${world.deliveredCount()} taken, ${unread.length} unread`,
      );
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}
