import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toChinaIso } from '../clock/china-time.js';
import { SimulatedClock } from '../clock/clock.js';
import { type App, composeApp } from '../compose.js';
import { parseConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { partyOrgsOfTicket } from '../routing/party-orgs.js';
import { stepTimersUntil } from '../sla/timers/step-timers.js';
import { SQLITE_FILE_NAME } from '../store/open-ticket-store.js';
import type { OutboxMessage } from '../tickets/outbox.js';
import { toTicketJson } from '../tickets/ticket-json.js';
import { parseReplayScript, type ReplayEvent } from './replay-script.js';

export type ReplayOptions = {
  file: string;
  outDir?: string | undefined;
  /** The environment: only REDIS_URL and LOG_LEVEL are taken from it; everything else is replay's own. */
  env: Record<string, string | undefined>;
};

/**
 * Plays a script through the same pipeline as `npm start` (mock puppet, Redis queues under a prefix of its
 * own, a fresh SQLite store, the sample directory, the local classifier) on a simulated clock, and prints
 * every bot message as JSONL, then the ticket dump.
 */
/** Where replay writes its output lines and its errors (the CLI passes its own streams). */
export type ReplayIo = {
  stdout(line: string): void;
  stderr(line: string): void;
};

export async function runReplay(options: ReplayOptions, io: ReplayIo): Promise<number> {
  const parsed = parseReplayScript(readFileSync(options.file, 'utf8'));
  if (!parsed.success) {
    io.stderr(`${options.file}: ${parsed.error}`);
    return 2;
  }
  const events = parsed.events;
  const workDir = options.outDir ?? mkdtempSync(join(tmpdir(), 'shaozi-replay-'));
  mkdirSync(workDir, { recursive: true });
  rmSync(join(workDir, SQLITE_FILE_NAME), { force: true });
  const clock = new SimulatedClock(new Date(events[0]?.at ?? Date.now()));
  const config = parseConfig({
    REDIS_URL: options.env.REDIS_URL,
    LOG_LEVEL: options.env.LOG_LEVEL ?? 'warn',
    DATA_DIR: workDir,
    QUEUE_PREFIX: `shaozi-replay-${randomUUID()}`,
    OUTBOX_PER_MINUTE: options.env.OUTBOX_PER_MINUTE,
    // on several accounts the sandbox deals the groups out among them
    BOT_ACCOUNTS: options.env.BOT_ACCOUNTS,
    // a replay shows each message as it was made unless asked to batch staff notices
    OUTBOX_BATCH_WINDOW_S: options.env.OUTBOX_BATCH_WINDOW_S ?? '0',
    OUTBOX_ROUTINE_WINDOW_S: options.env.OUTBOX_ROUTINE_WINDOW_S,
    // timers follow the simulated clock (play steps them), not BullMQ's wall-clock schedulers
    SWEEP_INTERVAL_S: '0',
    DIGEST_CRON: 'off',
  });
  const transcript: string[] = [];
  const onSent = (m: OutboxMessage) => {
    const line = JSON.stringify({
      at: toChinaIso(clock.now()),
      room: m.room,
      to: m.to,
      mentions: m.mentions,
      text: m.text,
    });
    transcript.push(line);
    io.stdout(line);
  };
  const app = await composeApp({
    config,
    logger: createLogger(config.LOG_LEVEL),
    clock,
    sqlitePath: join(workDir, SQLITE_FILE_NAME),
    onSent,
  });
  try {
    for (const event of events) {
      await play(app, clock, event);
    }
    await app.settle();
    const tickets = await Promise.all(
      (await app.tickets.listTickets()).map(async (t) =>
        toTicketJson(t, await app.tickets.events(t.number), partyOrgsOfTicket(app.directory, t)),
      ),
    );
    const dump = JSON.stringify({ tickets });
    io.stdout(dump);
    if (options.outDir) {
      writeFileSync(join(workDir, 'transcript.jsonl'), transcript.map((l) => `${l}\n`).join(''));
      writeFileSync(join(workDir, 'tickets.json'), `${JSON.stringify({ tickets }, null, 2)}\n`);
    }
    return 0;
  } finally {
    await app.queue.obliterate().catch(() => undefined);
    await app.timers.obliterate().catch(() => undefined);
    await app.stop();
    if (!options.outDir) {
      rmSync(workDir, { recursive: true, force: true });
    }
  }
}

async function play(app: App, clock: SimulatedClock, event: ReplayEvent): Promise<void> {
  // every timer due by then fires first, each at its own instant, through the same sweep job as npm start
  await stepTimersUntil(new Date(event.at), clock, app);
  clock.set(new Date(event.at));
  await app.settle();
  if (event.tick || event.from === undefined) {
    return;
  }
  const world = app.bot.sandbox;
  if (!world) {
    throw new Error('replay needs the sandbox world');
  }
  world.say({
    from: event.from,
    room: event.room ?? null,
    ...(event.text !== undefined ? { text: event.text } : {}),
    ...(event.image !== undefined ? { image: event.image } : {}),
    ...(event.voice !== undefined ? { voice: event.voice } : {}),
    mention: event.mention ?? false,
    ...(typeof event.from_id === 'string' ? { fromId: event.from_id } : {}),
  });
  await app.settle();
  // what the message started on the clock (a reopen's deadline extension) happens at once
  await app.runTimers();
}
