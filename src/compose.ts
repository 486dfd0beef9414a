import { join } from 'node:path';
import { Redis } from 'ioredis';
import { startWechatyBot, type WechatyBot } from './bot/wechaty/start-wechaty-bot.js';
import type { Classifier } from './classify/classifier.js';
import { createClassifier } from './classify/create-classifier.js';
import { type Clock, systemClock } from './clock/clock.js';
import { type Config, llmSettings } from './config.js';
import type { Directory } from './directory/directory.js';
import { loadDirectory } from './directory/load-directory.js';
import { acceptMessage } from './intake/accept-message.js';
import { processIntake } from './intake/process-intake.js';
import type { Logger } from './logger.js';
import { deliverOutbox } from './outbox/deliver-outbox.js';
import { SendRateLimiter } from './outbox/rate-limiter.js';
import { BullmqJobQueue } from './queue/bullmq-job-queue.js';
import { type RunningWorkers, startWorkers } from './queue/bullmq-workers.js';
import type { IntakeJob } from './queue/jobs.js';
import { ensureRedis } from './queue/redis-server.js';
import { chineseWorkingCalendar } from './sla/working-calendar.js';
import { openTicketStore, SQLITE_FILE_NAME } from './store/open-ticket-store.js';
import type { OutboxMessage } from './tickets/outbox.js';
import type { TicketStore } from './tickets/ticket-store.js';

export type AppOptions = {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** Store location override (replay uses its own file). */
  sqlitePath?: string;
  onSent?: (message: OutboxMessage) => void;
};

export type App = {
  bot: WechatyBot;
  tickets: TicketStore;
  queue: BullmqJobQueue;
  directory: Directory;
  classifier: Classifier;
  /** Resolves when every message people sent in the sandbox is handled and the queues are idle. */
  settle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The composition root: the one place that names every concrete adapter. `npm start`, `shaozi replay`,
 * the workers and the integration tests all build the bot here.
 */
type Core = {
  directory: Directory;
  tickets: TicketStore;
  connection: Redis;
  queue: BullmqJobQueue;
  classifier: Classifier;
  closers: Array<() => Promise<void>>;
  stop(): Promise<void>;
};

/** What every process needs: the directory, Redis, the store, the queues and the classifier. */
async function openCore(config: Config, logger: Logger, sqlitePath?: string): Promise<Core> {
  const closers: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const close of closers.reverse()) {
      await close().catch((err: unknown) => logger.warn({ event: 'app.stop.failed', err }, 'close failed'));
    }
  };
  try {
    const directory = loadDirectory(config.DIRECTORY_FILE);
    const redisEndpoint = await ensureRedis({ url: config.REDIS_URL, dataDir: config.DATA_DIR, logger });
    closers.push(redisEndpoint.stop);
    const tickets = await openTicketStore({
      databaseUrl: config.DATABASE_URL,
      schema: config.DATABASE_SCHEMA,
      sqlitePath: sqlitePath ?? join(config.DATA_DIR, SQLITE_FILE_NAME),
    });
    closers.push(() => tickets.close());
    const connection = new Redis(redisEndpoint.url, { maxRetriesPerRequest: null });
    closers.push(async () => {
      await connection.quit();
    });
    const queue = new BullmqJobQueue(connection, config.QUEUE_PREFIX);
    closers.push(() => queue.close());
    const classifier = await createClassifier({
      directory,
      llm: llmSettings(config),
      promptsDir: config.PROMPTS_DIR,
      logger,
    });
    return { directory, tickets, connection, queue, classifier, closers, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The composition root: the one place that names every concrete adapter. `npm start`, `shaozi replay`
 * and the integration tests build the bot with `composeApp`; `npm run worker:intake` uses `composeIntakeWorker`.
 */
export async function composeApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const core = await openCore(config, logger, options.sqlitePath);
  const { directory, tickets, connection, queue, classifier, closers, stop } = core;
  try {
    const calendar = chineseWorkingCalendar;
    const bot = await startWechatyBot({
      puppet: config.WECHATY_PUPPET,
      puppetToken: config.WECHATY_PUPPET_TOKEN,
      loginTimeoutMs: config.LOGIN_TIMEOUT_S * 1000,
      directory,
      logger,
      onMessage: (message) => acceptMessage({ tickets, queue, clock, logger }, message),
      onSent: options.onSent,
    });
    closers.push(() => bot.stop());
    const limiter = new SendRateLimiter(clock, config.OUTBOX_PER_MINUTE);
    const intakeDeps = { tickets, queue, classifier, directory, calendar, clock, logger };
    // the outbox is always drained here, by the process that holds the bot account; intake may run apart
    const workers: RunningWorkers = startWorkers({
      connection,
      prefix: config.QUEUE_PREFIX,
      logger,
      processors: {
        outbox: (job) => deliverOutbox({ tickets, messenger: bot.messenger, limiter, clock, logger }, job),
        ...(config.INLINE_WORKERS ? { intake: (job: IntakeJob) => processIntake(intakeDeps, job) } : {}),
      },
    });
    closers.push(() => workers.close());
    // messages committed before a crash but never sent go out now
    await queue.enqueueOutbox((await tickets.pendingOutbox()).map((row) => row.id));
    const settle = async (timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (bot.sandbox && bot.handledCount() < bot.sandbox.deliveredCount()) {
        if (Date.now() > deadline) {
          throw new Error('the bot did not take the sandbox messages in time');
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      await queue.waitIdle(timeoutMs);
    };
    return { bot, tickets, queue, directory, classifier, settle, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A separate intake process (`npm run worker:intake`): the same processor as the bot's, without the bot. */
export async function composeIntakeWorker(options: {
  config: Config;
  logger: Logger;
}): Promise<{ stop(): Promise<void> }> {
  const { config, logger } = options;
  const core = await openCore(config, logger);
  const deps = { ...core, calendar: chineseWorkingCalendar, clock: systemClock, logger };
  const workers = startWorkers({
    connection: core.connection,
    prefix: config.QUEUE_PREFIX,
    logger,
    processors: { intake: (job) => processIntake(deps, job) },
  });
  core.closers.push(() => workers.close());
  return { stop: core.stop };
}
