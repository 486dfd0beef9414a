import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxSay } from '../../src/bot/wechaty/sandbox-world.js';
import type { SandboxWorlds } from '../../src/bot/wechaty/sandbox-worlds.js';
import type { Clock } from '../../src/clock/clock.js';
import { type App, composeApp } from '../../src/compose.js';
import { parseConfig } from '../../src/config.js';
import { type Logger, silentLogger } from '../../src/logger.js';
import type { OutboxMessage } from '../../src/tickets/outbox.js';

export type TestApp = App & {
  world: SandboxWorlds;
  sent: OutboxMessage[];
  /** The bot account that sent each message of `sent`, index for index. */
  sentBy: string[];
  /** Wall-clock time (ms) each message of `sent` went out, index for index. */
  sentWallMs: number[];
  /** Sends as a person in the sandbox and waits until the bot has done everything it will do. */
  say(message: SandboxSay): Promise<string>;
  dataDir: string;
  queuePrefix: string;
  /** Stops the bot but keeps its store and queues, for a restart on the same dataDir and queuePrefix. */
  halt(): Promise<void>;
};

/** The whole bot on real components: mock puppet, Redis under a random prefix, SQLite in a temp folder. */
export async function startTestApp(
  options: {
    clock?: Clock;
    env?: Record<string, string>;
    /** The logger (default: silent). */
    logger?: Logger;
    /** Restart on an earlier app's store and queues (see `halt`). */
    dataDir?: string;
    queuePrefix?: string;
    /** Serve the web side on a free port (app.web.url). */
    web?: boolean;
  } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'shaozi-test-'));
  const queuePrefix = options.queuePrefix ?? `test-${randomUUID()}`;
  const config = parseConfig({
    DATA_DIR: dataDir,
    QUEUE_PREFIX: queuePrefix,
    LOG_LEVEL: 'silent',
    REDIS_URL: process.env.REDIS_URL,
    // timers run when a test says so (app.runTimers), never on the wall clock in the middle of a test
    SWEEP_INTERVAL_S: '0',
    // recovery runs inside settle(); the watchdog only where a test turns it on
    RECOVERY_INTERVAL_S: '0',
    DIGEST_CRON: 'off',
    WEB_PORT: '0',
    // each staff notice alone, as most tests expect; the batching tests turn it on
    OUTBOX_BATCH_WINDOW_S: '0',
    ...options.env,
  });
  const sent: OutboxMessage[] = [];
  const sentBy: string[] = [];
  const sentWallMs: number[] = [];
  const app = await composeApp({
    config,
    logger: options.logger ?? silentLogger,
    ...(options.clock ? { clock: options.clock } : {}),
    onSent: (m, account) => {
      sent.push(m);
      sentBy.push(account);
      sentWallMs.push(Date.now());
    },
    web: options.web ?? false,
  });
  const world = app.bot.sandbox;
  if (!world) {
    throw new Error('test app needs the sandbox');
  }
  return {
    ...app,
    world,
    sent,
    sentBy,
    sentWallMs,
    dataDir,
    queuePrefix,
    halt: () => app.stop(),
    say: async (message) => {
      const id = world.say(message);
      await app.settle();
      return id;
    },
    stop: async () => {
      await app.queue.obliterate().catch(() => undefined);
      await app.timers.obliterate().catch(() => undefined);
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
