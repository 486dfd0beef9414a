import { createHmac, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import type { Registry } from 'prom-client';
import { createOpenAITranscriber } from './asr/openai-transcriber.js';
import type { IncomingMessage, Messenger } from './bot/messenger.js';
import { accountLabel, startWechatyBots, type WechatyBots } from './bot/wechaty/start-wechaty-bots.js';
import { WecomAppChannel } from './bot/wecom/wecom-app-channel.js';
import type { Classifier } from './classify/classifier.js';
import { createLocalClassifier } from './classify/local/local-classifier.js';
import { type Clock, systemClock } from './clock/clock.js';
import { createCommandHandler } from './commands/handle-command.js';
import type { CommandDeps } from './commands/handlers/context.js';
import { attachPhotoEvidence } from './commands/photo-evidence.js';
import {
  asrSettings,
  type Config,
  clusterNodes,
  llmSettings,
  open311Clients,
  puppetTokens,
  wecomSettings,
} from './config.js';
import type { Directory } from './directory/directory.js';
import { DEFAULT_DIRECTORY_FILE, loadDirectory } from './directory/load-directory.js';
import { type AcceptDeps, acceptMessage } from './intake/accept-message.js';
import { intakeOrderKey, intakePartition } from './intake/intake-order.js';
import { intakeSettings } from './intake/intake-settings.js';
import { createLookAhead } from './intake/look-ahead.js';
import { type IntakeDeps, processIntake } from './intake/process-intake.js';
import { createUnreadRecovery } from './intake/recover-unread.js';
import type { Transcriber } from './intake/voice.js';
import { type Answerer, createAnswerer } from './knowledge/answerer.js';
import { knowledgeFileBeside, loadKnowledgeBase } from './knowledge/load-knowledge.js';
import { withAnswerCache } from './llm/cached-answer-phraser.js';
import { createClassifier } from './llm/create-classifier.js';
import type { LlmCallObserver } from './llm/llm-call-observer.js';
import { createOpenAIAnswerPhraser } from './llm/openai-answer-phraser.js';
import type { Logger } from './logger.js';
import { createMediaDir } from './media/media-dir.js';
import { accountSenders } from './outbox/account-senders.js';
import { privateTo } from './outbox/address.js';
import { type DeliverDeps, deliverOutbox, waitInQueue } from './outbox/deliver-outbox.js';
import { requeueLostOutbox, requeuePendingOutbox } from './outbox/requeue-pending.js';
import { routeOutbox } from './outbox/route-outbox.js';
import { SendBudget } from './outbox/send-budget.js';
import { maskPersonalData, publicNumbersIn } from './privacy/mask.js';
import { BullmqJobQueue } from './queue/bullmq-job-queue.js';
import { BullmqTimers, type TimerSchedule } from './queue/bullmq-timers.js';
import { type Processors, type RunningWorkers, startWorkers } from './queue/bullmq-workers.js';
import { InlineJobQueue } from './queue/inline-job-queue.js';
import type { JobQueue } from './queue/job-queue.js';
import type { IntakeJob, OutboxJob, TimersJob } from './queue/jobs.js';
import { openRedisConnection, type RedisConnection } from './queue/redis-connection.js';
import { ensureRedis } from './queue/redis-server.js';
import { monthlyReportXlsx } from './report/monthly-report-xlsx.js';
import { withCalendarOverrides } from './sla/calendar-overrides.js';
import { runTimerTask } from './sla/timers/run-timer-task.js';
import { nextTimerAt } from './sla/timers/sweep-timers.js';
import { chineseWorkingCalendar, hasHolidayData, type WorkingCalendar } from './sla/working-calendar.js';
import { appendAnchor } from './store/audit-anchors.js';
import { AUDIT_ANCHORS_FILE, loadAuditKey } from './store/audit-seal.js';
import { openTicketStore, SQLITE_FILE_NAME } from './store/open-ticket-store.js';
import type { OutboxMessage } from './tickets/outbox.js';
import type { SeenMessage, TicketStore } from './tickets/ticket-store.js';
import { createDashboard, type Dashboard } from './web/dashboard/dashboard-routes.js';
import { type FileRequestDeps, fileServiceRequest } from './web/open311/file-service-request.js';
import { open311Routes } from './web/open311/open311-routes.js';
import { bullBoardRoutes } from './web/ops/bull-board-routes.js';
import { createLlmCallCounters } from './web/ops/llm-call-counters.js';
import { createMetricsRegistry, metricsRoutes } from './web/ops/metrics-routes.js';
import { registerStateGauges } from './web/ops/state-gauges.js';
import { createSandboxPage, type SandboxPage } from './web/sandbox/sandbox-routes.js';
import { createWebApp, type RunningWeb, startWebServer, type WebDeps } from './web/web-server.js';

export type AppOptions = {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** Store location override (replay uses its own file). */
  sqlitePath?: string;
  /** Called with each message the bot sent, and the label of the account that sent it. */
  onSent?: (message: OutboxMessage, account: string) => void;
  /** Serve the web side on WEB_HOST:WEB_PORT (`npm start`). */
  web?: boolean;
};

export type App = {
  bot: WechatyBots;
  tickets: TicketStore;
  queue: BullmqJobQueue;
  directory: Directory;
  classifier: Classifier;
  /** Resolves when every message people sent in the sandbox is handled and the queues are idle. */
  settle(timeoutMs?: number): Promise<void>;
  /** The `timers` queue: deadline sweeps and digests. */
  timers: BullmqTimers;
  /** Runs one sweep of the deadline timers through the queue at the clock's now, then settles (replay, tests). */
  runTimers(): Promise<void>;
  /** When the next timer step is due (the clock's now if one is due already); null when none is planned. */
  nextTimerAt(): Promise<Date | null>;
  /** The web side, when the app serves it (`npm start`; tests that ask). */
  web: RunningWeb | undefined;
  stop(): Promise<void>;
};

/**
 * The composition root: the one place that names every concrete adapter. `npm start`, `shaozi replay`,
 * the workers and the integration tests all build the bot here.
 */
type Core = {
  directory: Directory;
  calendar: WorkingCalendar;
  tickets: TicketStore;
  connection: RedisConnection;
  queue: BullmqJobQueue;
  timers: BullmqTimers;
  classifier: Classifier;
  knowledge: Answerer;
  /** Writes the chain head to the anchors file outside the store when it moved. */
  anchorHead: () => Promise<void>;
  /** Whether the local classifier reads danger in a text (the emergency lane); no LLM is asked. */
  isUrgent: (text: string) => boolean;
  /** Masks personal numbers in what the bot says, keeping the ones the community publishes. */
  mask: (text: string) => string;
  /** Voice messages' audio (DATA_DIR/media) and, when configured, their transcription. */
  media: ReturnType<typeof createMediaDir>;
  transcriber: Transcriber | undefined;
  closers: Array<() => Promise<void>>;
  stop(): Promise<void>;
};

/** What a process that reads messages needs apart from its queues: the directory, the store, the readers. */
type Domain = Omit<Core, 'connection' | 'queue' | 'timers'>;

async function openDomain(
  config: Config,
  logger: Logger,
  sqlitePath?: string,
  llmObserver?: LlmCallObserver,
): Promise<Domain> {
  const closers: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const close of [...closers].reverse()) {
      await close().catch((err: unknown) => logger.warn({ event: 'app.stop.failed', err }, 'close failed'));
    }
  };
  try {
    const directory = loadDirectory(config.DIRECTORY_FILE);
    const calendar = communityCalendar(directory, logger);
    const directoryFile = config.DIRECTORY_FILE ?? DEFAULT_DIRECTORY_FILE;
    const knowledgeFile = config.KNOWLEDGE_FILE ?? knowledgeFileBeside(directoryFile);
    const knowledgeBase = loadKnowledgeBase(knowledgeFile, directory);
    const mask = maskerFor(directoryFile, knowledgeFile);
    const llm = llmSettings(config);
    const knowledge = createAnswerer(
      knowledgeBase,
      llm
        ? withAnswerCache(createOpenAIAnswerPhraser(llm, config.PROMPTS_DIR, llmObserver), llm.cache)
        : undefined,
      logger,
    );
    logger.info(
      { event: 'knowledge.loaded', entries: knowledgeBase.size, phrased: llm !== undefined },
      'knowledge base loaded',
    );
    const tickets = await openTicketStore({
      databaseUrl: config.DATABASE_URL,
      schema: config.DATABASE_SCHEMA,
      sqlitePath: sqlitePath ?? join(config.DATA_DIR, SQLITE_FILE_NAME),
      auditKey: loadAuditKey({ envKey: config.AUDIT_KEY, dataDir: config.DATA_DIR }),
    });
    closers.push(() => tickets.close());
    const anchorsFile = join(config.DATA_DIR, AUDIT_ANCHORS_FILE);
    if (!existsSync(anchorsFile)) {
      // first start with the key: what is stored is trusted once, signed, and its head anchored
      const signed = await tickets.signUnsigned();
      appendAnchor(anchorsFile, await tickets.auditHead(), new Date());
      logger.info({ event: 'audit.signed', rows: signed, anchors: anchorsFile }, 'audit key in use');
    }
    const anchorHead = anchorer(anchorsFile, tickets);
    closers.push(anchorHead);
    const classifier = await createClassifier({
      directory,
      llm,
      promptsDir: config.PROMPTS_DIR,
      logger,
      observer: llmObserver,
    });
    const triage = createLocalClassifier(directory);
    const isUrgent = (text: string) => {
      const c = triage.classifySync({ text });
      return c.intent === 'emergency' || c.emergency_check;
    };
    const media = createMediaDir(join(config.DATA_DIR, 'media'));
    const asr = asrSettings(config);
    const transcriber = asr ? createOpenAITranscriber(asr) : undefined;
    return {
      ...{ directory, calendar, knowledge, mask, isUrgent, tickets, classifier },
      anchorHead,
      ...{ media, transcriber, closers, stop },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** What every process needs: the directory, Redis, the store, the queues and the classifier. */
async function openCore(
  config: Config,
  logger: Logger,
  sqlitePath?: string,
  llmObserver?: LlmCallObserver,
): Promise<Core> {
  // a cluster is the deployment's own; one Redis is found or started here, before anything is opened on it
  const redisEndpoint = config.REDIS_CLUSTER_NODES
    ? undefined
    : await ensureRedis({ url: config.REDIS_URL, dataDir: config.DATA_DIR, logger });
  const domain = await openDomain(config, logger, sqlitePath, llmObserver).catch(async (error: unknown) => {
    await redisEndpoint?.stop();
    throw error;
  });
  const { closers, stop, tickets, directory } = domain;
  if (redisEndpoint) {
    // stopped last: closers run in reverse
    closers.unshift(redisEndpoint.stop);
  }
  try {
    const connection = openRedisConnection(
      redisEndpoint
        ? { url: redisEndpoint.url }
        : { cluster: clusterNodes(config.REDIS_CLUSTER_NODES ?? '') },
    );
    closers.push(async () => {
      await connection.quit();
    });
    const queue = new BullmqJobQueue(connection, config.QUEUE_PREFIX, logger, {
      sendClassesOf: (ids) => tickets.sendClassesOf(ids),
      intakePartitions: config.INTAKE_PARTITIONS,
      orderKeyOf: async (key) => {
        const message = await tickets.getMessage(key);
        return message ? intakeOrderKey(message, directory) : `message:${key}`;
      },
      partitionOf: (orderKey, partitions) => intakePartition(orderKey, partitions, directory),
      accounts: config.BOT_ACCOUNTS,
    });
    closers.push(() => queue.close());
    const timers = new BullmqTimers(connection, config.QUEUE_PREFIX, logger);
    closers.push(() => timers.close());
    return { ...domain, connection, queue, timers };
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
  const registry = options.web ? createMetricsRegistry() : undefined;
  const core = await openCore(
    config,
    logger,
    options.sqlitePath,
    registry && createLlmCallCounters(registry),
  );
  const { directory, tickets, connection, queue, timers, classifier, closers, stop } = core;
  try {
    const { calendar } = core;
    const acceptDeps = acceptDepsOf(core, queue, clock, logger, {
      here: config.INLINE_WORKERS,
      windowMs: config.AGGREGATION_WINDOW_S * 1000,
    });
    // the sandbox page's feed also shows what the bot sent (made once the bot is up)
    let sandboxPage: SandboxPage | undefined;
    const bot = await startWechatyBots({
      puppet: config.WECHATY_PUPPET,
      tokens: puppetTokens(config.WECHATY_PUPPET_TOKEN),
      accounts: config.BOT_ACCOUNTS,
      loginTimeoutMs: config.LOGIN_TIMEOUT_S * 1000,
      directory,
      logger,
      onMessage: (message) => acceptMessage(acceptDeps, message),
      onSent: (message, account) => {
        options.onSent?.(message, account);
        sandboxPage?.feed.sent(message);
      },
      media: core.media,
    });
    closers.push(() => bot.stop());
    sandboxPage = options.web
      ? createSandboxPage(bot.sandbox, { directory, now: () => clock.now() })
      : undefined;
    const senders = await accountSenders(bot.accounts, {
      ...{ tickets, clock },
      perMinute: config.OUTBOX_PER_MINUTE,
    });
    const outboxDeps = {
      // on the wall clock a message waiting for its time goes back to the queue; a simulated one moves on
      ...outboxDepsOf(core, config, clock, logger, options.clock ? (at) => clock.waitUntil(at) : waitInQueue),
      staffChannel: staffChannelOf(config, directory),
    };
    const delivers = senders.map(
      (sender) => (job: OutboxJob) => deliverOutbox({ ...outboxDeps, ...sender }, job),
    );
    const intakeDeps = intakeDepsOf(core, queue, config, clock, logger);
    // the outbox is always drained here, by the process that holds the bot account; intake may run apart
    const workers: RunningWorkers = startWorkers({
      connection,
      prefix: config.QUEUE_PREFIX,
      logger,
      intakePartitions: config.INTAKE_PARTITIONS,
      processors: {
        ...outboxProcessors(delivers, (job) =>
          routeOutbox(
            {
              ...{ tickets, clock, logger, staffChannel: outboxDeps.staffChannel },
              accounts: senders.map((s, i) => ({ ...s, backlog: () => queue.accountBacklog(i) })),
              sendFrom: (i, id, sendClass) => queue.enqueueOnAccount(i, id, sendClass),
            },
            job,
          ),
        ),
        ...(config.INLINE_WORKERS ? intakeProcessors(intakeDeps) : {}),
        ...(config.INLINE_WORKERS ? { timers: timersProcessor({ ...core, calendar, clock, logger }) } : {}),
      },
    });
    closers.push(() => workers.close());
    await timers.schedule(timerSchedule(config));
    // messages committed before a crash but never sent go out now
    await requeuePendingOutbox(tickets, queue);
    const recoverUnread = createUnreadRecovery(
      { tickets, queue, clock, logger },
      { graceMs: config.RECOVERY_GRACE_S * 1000 },
    );
    closers.push(
      startWatchdog(config, logger, async () => {
        await recoverUnread();
        await requeueLostOutbox(tickets, queue, logger);
        await core.anchorHead();
        const missing = await timers.ensureScheduled(timerSchedule(config));
        if (missing.length > 0) {
          logger.warn({ event: 'timers.rescheduled', missing }, 'timer schedulers re-created');
        }
      }),
    );
    const settle = async (timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (bot.sandbox && bot.handledCount() < bot.sandbox.deliveredCount()) {
        if (Date.now() > deadline) {
          throw new Error('the bot did not take the sandbox messages in time');
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      // idle means every stored message read: one stored but never queued is queued again, then waited for
      for (;;) {
        await queue.waitIdle(timeoutMs);
        // a sweep or digest running now queues messages: wait for it, then for them
        while ((await timers.busy()) > 0) {
          if (Date.now() > deadline) {
            throw new Error('the timers queue is still busy');
          }
          await new Promise((r) => setTimeout(r, 5));
        }
        await queue.waitIdle(timeoutMs);
        const { unread } = await recoverUnread(0);
        const lostReplies = await requeueLostOutbox(tickets, queue, logger);
        if (unread === 0 && lostReplies === 0) {
          return;
        }
        if (Date.now() > deadline) {
          throw new Error(`${unread} stored messages are still unread`);
        }
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const runTimers = async () => {
      await timers.run('sweep');
      await settle();
    };
    const nextTimer = () => nextTimerAt({ tickets, directory, calendar, clock });
    const dashboard = options.web ? dashboardOf(core, config, clock) : undefined;
    const web = dashboard
      ? await startWebServer({
          app: createWebApp({
            dashboard: dashboard.app,
            ...(registry ? opsOf(core, registry, config, clock, dashboard.supervisorsOnly) : {}),
            ...(sandboxPage ? { sandbox: sandboxPage.app } : {}),
            open311: open311Of(core, config, { logger, clock }, () => intakeDeps),
            health: {
              unread: async () =>
                (
                  await tickets.unreadMessages({
                    receivedBefore: new Date(clock.now().getTime() - config.RECOVERY_GRACE_S * 1000),
                    limit: 10_000,
                  })
                ).length,
              redis: () => connection.ping(),
              outboxBacklog: () => queue.outboxBacklog(),
            },
          }),
          host: config.WEB_HOST,
          port: config.WEB_PORT,
          logger,
        })
      : undefined;
    if (web) {
      closers.push(() => web.close());
    }
    return {
      ...{ bot, tickets, queue, directory, classifier, settle, stop, web },
      ...{ timers, runTimers, nextTimerAt: nextTimer },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The WeCom application staff notices go through, when one is configured. */
function staffChannelOf(config: Config, directory: Directory): WecomAppChannel | undefined {
  const wecom = wecomSettings(config);
  return wecom ? new WecomAppChannel(wecom, (name) => directory.wecomIdOf(name)) : undefined;
}

/** The supervisors' workbench over what a process has opened; login codes go out through the outbox. */
function dashboardOf(
  core: Pick<Core, 'tickets' | 'directory' | 'media' | 'mask'> & {
    queue?: Pick<BullmqJobQueue, 'enqueueOutbox'>;
  },
  config: Config,
  clock: Clock,
): Dashboard {
  const { tickets, directory } = core;
  const now = () => clock.now();
  return createDashboard({
    ...{ tickets, directory, media: core.media, mask: core.mask, now },
    monthlyReport: (month) => monthlyReportXlsx({ tickets, directory, now }, month),
    secret: createHmac('sha256', loadAuditKey({ envKey: config.AUDIT_KEY, dataDir: config.DATA_DIR }))
      .update('shaozi-web-v1')
      .digest(),
    sendPrivate: async (name, text) => {
      const at = clock.now();
      const key = `login:${name}:${at.getTime()}:${randomUUID()}`;
      const ids = await tickets.enqueueMessages([privateTo(name, text, directory.chatIdOf(name) ?? null)], {
        at,
        key,
      });
      // without a queue (`shaozi web`), the bot's watchdog finds the row and sends it
      await core.queue?.enqueueOutbox(ids);
    },
  });
}

/** `GET /metrics` and the queues' board over what the bot process has opened. */
function opsOf(
  core: Pick<Core, 'tickets' | 'queue' | 'timers'>,
  registry: Registry,
  config: Config,
  clock: Clock,
  supervisorsOnly: MiddlewareHandler,
): Pick<WebDeps, 'metrics' | 'queueBoard'> {
  const { queue, timers } = core;
  const queues = [...queue.queues, timers.queue];
  const unreadGraceMs = config.RECOVERY_GRACE_S * 1000;
  registerStateGauges(registry, { tickets: core.tickets, queues, now: () => clock.now(), unreadGraceMs });
  return {
    metrics: metricsRoutes(registry),
    // supervisors logged in to the dashboard; anyone else is sent to log in or refused
    queueBoard: bullBoardRoutes({ queues, guard: supervisorsOnly }),
  };
}

/**
 * The outbox's processors: one account delivers from the outbox queue itself; several each deliver from
 * their own queue, and the outbox queue routes each row to the account that sends it.
 */
function outboxProcessors(
  delivers: ReadonlyArray<(job: OutboxJob) => Promise<void>>,
  route: (job: OutboxJob) => Promise<void>,
): Pick<Processors, 'outbox' | 'outboxAccounts'> {
  const [only] = delivers;
  return delivers.length === 1 && only ? { outbox: only } : { outbox: route, outboxAccounts: delivers };
}

/** Intake's two lanes: the ordinary one in conversation order (by its partitions), the emergency lane at once. */
function intakeProcessors(deps: IntakeDeps): Pick<Processors, 'intake' | 'intakeUrgent'> {
  const read = (job: IntakeJob) => processIntake(deps, job);
  return { intake: read, intakeUrgent: read };
}

/** A separate intake process (`npm run worker:intake`): the same processor as the bot's, without the bot. */
export async function composeIntakeWorker(options: {
  config: Config;
  logger: Logger;
}): Promise<{ stop(): Promise<void> }> {
  const { config, logger } = options;
  const core = await openCore(config, logger);
  const deps = intakeDepsOf(core, core.queue, config, systemClock, logger);
  const workers = startWorkers({
    connection: core.connection,
    prefix: config.QUEUE_PREFIX,
    logger,
    processors: intakeProcessors(deps),
    intakePartitions: config.INTAKE_PARTITIONS,
  });
  core.closers.push(() => workers.close());
  return { stop: core.stop };
}

/** How outbox rows are delivered, before the account that sends them and any staff channel are known. */
function outboxDepsOf(
  domain: Domain,
  config: Config,
  clock: Clock,
  logger: Logger,
  waitFor: DeliverDeps['waitFor'],
): Omit<DeliverDeps, 'messenger' | 'budget'> {
  return {
    ...{ tickets: domain.tickets, clock, logger, mask: domain.mask, waitFor },
    batchWindowMs: config.OUTBOX_BATCH_WINDOW_S * 1000,
    routineWindowMs: config.OUTBOX_ROUTINE_WINDOW_S * 1000,
  };
}

/** What intake reads a message with, over what a process has opened and the queue it answers on. */
function intakeDepsOf(
  domain: Domain,
  queue: JobQueue,
  config: Config,
  clock: Clock,
  logger: Logger,
): IntakeDeps {
  const { tickets, classifier, directory, knowledge, calendar, media, transcriber } = domain;
  return {
    ...{ tickets, queue, classifier, directory, knowledge, calendar, clock, logger, media, transcriber },
    ...commandHooks({ tickets, queue, directory, clock, calendar, logger }, config),
    settings: intakeSettings(config),
  };
}

/**
 * How a delivered message is recorded and queued for intake; `intakeHere` when intake runs in this process,
 * which may then start reading a message as it arrives (a reading another process's intake could not take).
 */
function acceptDepsOf(
  domain: Domain,
  queue: JobQueue,
  clock: Clock,
  logger: Logger,
  intake: { here: boolean; windowMs: number },
): AcceptDeps {
  return {
    ...{ tickets: domain.tickets, queue, clock, logger, isUrgent: domain.isUrgent },
    orderKeyOf: (m) => intakeOrderKey(m, domain.directory),
    ...(intake.here ? { lookAhead: createLookAhead(domain.classifier, clock, intake.windowMs) } : {}),
  };
}

/** The bot's logic without its transport, for tests of intake and commands (see `composeInline`). */
export type InlineApp = {
  tickets: TicketStore;
  directory: Directory;
  classifier: Classifier;
  /** Where a photo's or voice's bytes are kept; a message carries the reference this returns. */
  media: Pick<Domain['media'], 'save'>;
  /** Records a message as a bot account delivers it and queues its intake; `settle` reads it. */
  accept(message: IncomingMessage): Promise<void>;
  /** Runs every queued job (intake, then the replies it queued) until none is left. */
  settle(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * The bot's intake, commands and outbox on the real store and readers, with an inline queue instead of Redis
 * and the given messenger instead of WeChat: what the logic tests of intake and commands need, without a
 * chat protocol, Redis or timers. Staff notices go out each alone, within `OUTBOX_PER_MINUTE`.
 */
export async function composeInline(options: {
  config: Config;
  logger: Logger;
  messenger: Messenger;
  clock?: Clock;
}): Promise<InlineApp> {
  const { config, logger, messenger } = options;
  const clock = options.clock ?? systemClock;
  const domain = await openDomain(config, logger);
  const queue = new InlineJobQueue();
  const deliver = {
    ...outboxDepsOf(domain, config, clock, logger, (at) => clock.waitUntil(at)),
    ...{ messenger, budget: new SendBudget(clock, config.OUTBOX_PER_MINUTE), account: accountLabel(0) },
  };
  const intakeDeps = intakeDepsOf(domain, queue, config, clock, logger);
  queue.attach({
    intake: (job) => processIntake(intakeDeps, job),
    outbox: (job) => deliverOutbox(deliver, job),
  });
  domain.closers.push(() => queue.close());
  const acceptDeps = acceptDepsOf(domain, queue, clock, logger, {
    here: true,
    windowMs: config.AGGREGATION_WINDOW_S * 1000,
  });
  return {
    ...{ tickets: domain.tickets, directory: domain.directory, classifier: domain.classifier },
    media: domain.media,
    accept: (message) => acceptMessage(acceptDeps, message),
    settle: () => queue.waitIdle(),
    stop: domain.stop,
  };
}

/** The chat commands and the handlers' photo evidence, as intake's hooks. */
function commandHooks(deps: Omit<CommandDeps, 'settings'>, config: Config) {
  const settings = { photoWindowMs: config.AGGREGATION_WINDOW_S * 1000 };
  return {
    handleCommand: createCommandHandler({ ...deps, settings }),
    handlePhoto: (message: SeenMessage) => attachPhotoEvidence({ ...deps, settings }, message),
  };
}

/** A separate timers process (`npm run worker:sla`): deadline sweeps and digests, on the bot's store and queues. */
export async function composeSlaWorker(options: {
  config: Config;
  logger: Logger;
}): Promise<{ stop(): Promise<void> }> {
  const { config, logger } = options;
  const core = await openCore(config, logger);
  const workers = startWorkers({
    connection: core.connection,
    prefix: config.QUEUE_PREFIX,
    logger,
    processors: {
      timers: timersProcessor({ ...core, clock: systemClock, logger }),
    },
  });
  core.closers.push(() => workers.close());
  try {
    await core.timers.schedule(timerSchedule(config));
  } catch (error) {
    await core.stop();
    throw error;
  }
  return { stop: core.stop };
}

/** The `timers` processor over what a process has opened. */
function timersProcessor(deps: Parameters<typeof runTimerTask>[0]): (job: TimersJob) => Promise<void> {
  return (job) => runTimerTask(deps, job);
}

/** The job schedulers the configuration asks for (SWEEP_INTERVAL_S 0 and cron `off` turn them off). */
/**
 * Runs `recover` every RECOVERY_INTERVAL_S (never two at once); a failed run is logged and the next one
 * tries again. Returns the closer that stops it.
 */
function startWatchdog(config: Config, logger: Logger, recover: () => Promise<void>): () => Promise<void> {
  if (config.RECOVERY_INTERVAL_S <= 0) {
    return async () => {};
  }
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) {
      return;
    }
    busy = true;
    running = recover()
      .catch((err: unknown) => logger.warn({ event: 'recovery.failed', err }, 'recovery run failed'))
      .finally(() => {
        busy = false;
      });
  }, config.RECOVERY_INTERVAL_S * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

/** Anchors the chain head outside the store whenever it moved since the last anchor (and once at stop). */
function anchorer(file: string, tickets: Pick<TicketStore, 'auditHead'>): () => Promise<void> {
  let last = -1;
  return async () => {
    const head = await tickets.auditHead();
    if (head.eventId !== last) {
      appendAnchor(file, head, new Date());
      last = head.eventId;
    }
  };
}

/** Masks personal numbers, keeping the ones the community publishes (directory and knowledge base). */
function maskerFor(directoryFile: string, knowledgeFile: string): (text: string) => string {
  const publicNumbers = publicNumbersIn([directoryFile, knowledgeFile].map(readIfThere));
  return (text) => maskPersonalData(text, publicNumbers);
}

/**
 * `shaozi web`: the dashboard and /healthz over an existing store, without the bot or Redis (a desk machine,
 * or a replay's store). Login codes are written to the store's outbox; the bot process sends them.
 */
export async function composeWeb(options: {
  config: Config;
  logger: Logger;
  sqlitePath?: string;
  port: number;
  host: string;
}): Promise<RunningWeb & { stop(): Promise<void> }> {
  const { config, logger } = options;
  const directory = loadDirectory(config.DIRECTORY_FILE);
  const directoryFile = config.DIRECTORY_FILE ?? DEFAULT_DIRECTORY_FILE;
  const mask = maskerFor(directoryFile, config.KNOWLEDGE_FILE ?? knowledgeFileBeside(directoryFile));
  const tickets = await openTicketStore({
    databaseUrl: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    sqlitePath: options.sqlitePath ?? join(config.DATA_DIR, SQLITE_FILE_NAME),
    auditKey: loadAuditKey({ envKey: config.AUDIT_KEY, dataDir: config.DATA_DIR }),
  });
  try {
    const media = createMediaDir(join(config.DATA_DIR, 'media'));
    const dashboard = dashboardOf({ tickets, directory, media, mask }, config, systemClock);
    // the store's figures only: no queues, and no LLM here
    const registry = createMetricsRegistry();
    registerStateGauges(registry, {
      tickets,
      now: () => new Date(),
      unreadGraceMs: config.RECOVERY_GRACE_S * 1000,
    });
    const web = await startWebServer({
      app: createWebApp({
        dashboard: dashboard.app,
        metrics: metricsRoutes(registry),
        // requests filed here are read by the local classifier; their replies wait in the outbox for the bot
        open311: open311Of({ tickets, directory, mask }, config, { logger, clock: systemClock }, () => ({
          ...{ tickets, directory, logger, clock: systemClock, classifier: createLocalClassifier(directory) },
          calendar: communityCalendar(directory, logger),
          queue: { enqueueOutbox: async () => {} },
        })),
        health: {
          unread: async () =>
            (await tickets.unreadMessages({ receivedBefore: new Date(), limit: 10_000 })).length,
          outboxBacklog: async () => (await tickets.pendingOutbox(10_000)).length,
        },
      }),
      host: options.host,
      port: options.port,
      logger,
    });
    return {
      ...web,
      stop: async () => {
        await web.close();
        await tickets.close();
      },
    };
  } catch (error) {
    await tickets.close();
    throw error;
  }
}

/** Open311 GeoReport v2 over a store; requests are filed through intake's path with deps made on first use. */
function open311Of(
  core: Pick<Core, 'tickets' | 'directory' | 'mask'>,
  config: Config,
  { logger, clock }: { logger: Logger; clock: Clock },
  filing: () => FileRequestDeps,
): ReturnType<typeof open311Routes> {
  let deps: FileRequestDeps | undefined;
  return open311Routes({
    ...{ tickets: core.tickets, directory: core.directory, mask: core.mask, logger },
    now: () => clock.now(),
    clients: open311Clients(config),
    fileRequest: (client, request) => {
      deps ??= filing();
      return fileServiceRequest(deps, client, request);
    },
  });
}

/** A file's text, or nothing when it is not there (a community without a knowledge base). */
function readIfThere(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function timerSchedule(config: Config): TimerSchedule {
  const cron = (pattern: string) => (pattern.trim().toLowerCase() === 'off' ? null : pattern);
  return {
    sweepEveryMs: config.SWEEP_INTERVAL_S * 1000,
    digestCron: cron(config.DIGEST_CRON),
    weeklyCron: config.WEEKLY_SUMMARY ? cron(config.WEEKLY_SUMMARY_CRON) : null,
    monthlyCron: cron(config.BRANCH_SUMMARY_CRON),
  };
}

/** The working-day calendar: chinese-days plus the directory's own days; warns when a year has neither. */
function communityCalendar(directory: Directory, logger: Logger): WorkingCalendar {
  const own = directory.data.calendar;
  const year = new Date().getUTCFullYear();
  for (const y of [year, year + 1]) {
    if (!hasHolidayData(y) && !own.holidays.some((d) => d.startsWith(String(y)))) {
      logger.warn(
        { event: 'sla.calendar.no_data', year: y },
        'no public holidays known for this year: add them under calendar in the directory, or upgrade chinese-days',
      );
    }
  }
  return withCalendarOverrides(chineseWorkingCalendar, own);
}
