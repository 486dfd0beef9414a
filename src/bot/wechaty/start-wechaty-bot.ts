import { type Message, type Wechaty, WechatyBuilder } from 'wechaty';
import type { Directory } from '../../directory/directory.js';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { OutboxMessage } from '../../tickets/outbox.js';
import type { IncomingMessage } from '../messenger.js';
import { createPuppetTrouble } from './puppet-trouble.js';
import { RecentKeys } from './recent-keys.js';
import { SandboxWorld } from './sandbox-world.js';
import { type MediaSink, toIncomingMessage } from './to-incoming-message.js';
import { WechatyMessenger } from './wechaty-messenger.js';

export type WechatyBotOptions = {
  /** Puppet module name (e.g. wechaty-puppet-wechat4u); undefined runs the sandbox on the mock puppet. */
  puppet?: string | undefined;
  puppetToken?: string | undefined;
  loginTimeoutMs: number;
  directory: Directory;
  logger: Logger;
  /** Messages older than this before login are history the puppet replays, not new requests. */
  staleAfterMs?: number;
  onMessage(message: IncomingMessage): Promise<void>;
  /** Where voice messages' audio is kept; without it only the file name is recorded. */
  media?: MediaSink;
  /** Called with each message the account sent, and the account's label. */
  onSent?(message: OutboxMessage, account: string): void;
  /** The sandbox logs itself in at once; false leaves it waiting (to test the login timeout). */
  sandboxLogin?: boolean;
  /**
   * Which of the deployment's bot accounts this is (`wechat-1` by default): its name in the log and on its
   * login session (each account keeps its own), and the sender recorded on what it sends.
   */
  account?: string;
  /** The mock world this account lives in, on the sandbox (one of several accounts'); made here when not given. */
  world?: SandboxWorld;
};

export type WechatyBot = {
  /** The account's label (see `WechatyBotOptions.account`). */
  account: string;
  messenger: WechatyMessenger;
  /** The sandbox world when running on the mock puppet. */
  sandbox: SandboxWorld | undefined;
  accountId: string;
  /** How many messages from others have been fully handled (replay waits on it). */
  handledCount(): number;
  stop(): Promise<void>;
};

/** The label of a deployment's first (or only) bot account (`accountLabel(0)`). */
export const FIRST_ACCOUNT = 'wechat-1';

/** Builds, starts and logs in the bot; rejects with LOGIN_TIMEOUT when a real puppet is not logged in in time. */
export async function startWechatyBot(options: WechatyBotOptions): Promise<WechatyBot> {
  const account = options.account ?? FIRST_ACCOUNT;
  const logger = options.logger.child({ account });
  const sandbox = options.puppet ? undefined : (options.world ?? new SandboxWorld(options.directory));
  // the first account keeps the session name it always had, so an upgrade does not ask for a new login
  const session = account === FIRST_ACCOUNT ? 'shaozi' : `shaozi-${account}`;
  const bot = sandbox
    ? WechatyBuilder.build({ name: `${session}-sandbox`, puppet: sandbox.puppet })
    : WechatyBuilder.build({
        name: session,
        puppet: options.puppet as never,
        puppetOptions: options.puppetToken ? { token: options.puppetToken } : {},
      });
  const seen = new RecentKeys(10_000);
  let loggedInAt = 0;
  let accountId = 'pending';
  let handled = 0;

  bot.on('scan', (qrcode, status) => {
    logger.info({ event: 'bot.login.scan', status, qrcode }, 'scan the QR code value to log in');
  });
  const trouble = createPuppetTrouble(logger);
  bot.on('error', (error) => trouble.report(error, bot.isLoggedIn));
  bot.on('message', (message: Message) => {
    void handle(message);
  });

  async function handle(message: Message): Promise<void> {
    const fromOther = !message.self();
    try {
      if (!bot.isLoggedIn || seen.has(message.id)) {
        return;
      }
      seen.add(message.id);
      if (message.date().getTime() < loggedInAt - (options.staleAfterMs ?? 60_000)) {
        logger.debug({ event: 'bot.message.stale', messageId: message.id }, 'old message ignored');
        return;
      }
      const incoming = await toIncomingMessage(message, accountId, options.media);
      if (incoming) {
        await options.onMessage(incoming);
      }
    } catch (error) {
      // not recorded: a redelivery of this message gets another chance
      seen.delete(message.id);
      logger.error(
        { event: 'bot.message.failed', messageId: message.id, err: error },
        'message handling failed',
      );
    } finally {
      if (fromOther) {
        handled++;
      }
    }
  }

  const loggedIn = new Promise<void>((resolve) => {
    bot.once('login', (user) => {
      loggedInAt = Date.now();
      accountId = user.id;
      logger.info({ event: 'bot.login.ok', account: user.name() }, 'logged in');
      resolve();
    });
  });
  await bot.start();
  if (options.sandboxLogin !== false) {
    sandbox?.login();
  }
  const outcome = await Promise.race([
    waitOrTimeout(loggedIn, options.loginTimeoutMs).then((timedOut) => (timedOut ? 'timeout' : 'in')),
    trouble.unreachable,
  ]);
  if (outcome !== 'in' && outcome !== 'timeout') {
    await stopQuietly(bot, logger);
    throw new AppError('WECHAT_UNREACHABLE', { message: outcome });
  }
  if (outcome === 'timeout') {
    await stopQuietly(bot, logger);
    throw new AppError('LOGIN_TIMEOUT', {
      message: `the bot was not logged in within ${Math.round(options.loginTimeoutMs / 1000)} s (scan the QR code in the log, or check WECHATY_PUPPET and its token)`,
    });
  }
  return {
    account,
    messenger: new WechatyMessenger(
      bot,
      (m) => options.onSent?.(m, account),
      (name) => options.directory.chatIdOf(name),
    ),
    sandbox,
    accountId,
    handledCount: () => handled,
    stop: () => stopQuietly(bot, logger),
  };
}

async function waitOrTimeout(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), ms);
  });
  const result = await Promise.race([promise.then(() => false), timeout]);
  clearTimeout(timer);
  return result;
}

async function stopQuietly(bot: Wechaty, logger: Logger): Promise<void> {
  try {
    await bot.stop();
  } catch (error) {
    logger.warn({ event: 'bot.stop.failed', err: error }, 'bot stop failed');
  }
}
