import { SandboxWorlds } from './sandbox-worlds.js';
import { startWechatyBot, type WechatyBot, type WechatyBotOptions } from './start-wechaty-bot.js';

/** One of the deployment's bot accounts, as the outbox sees it. */
export type BotAccount = Pick<WechatyBot, 'account' | 'messenger'>;

export type WechatyBots = {
  /** The accounts, first to last; the first is `wechat-1`. */
  accounts: readonly BotAccount[];
  /** The sandbox when running on the mock puppet (one world per account). */
  sandbox: SandboxWorlds | undefined;
  /** How many messages from others every account together has fully handled. */
  handledCount(): number;
  stop(): Promise<void>;
};

/** The label of the deployment's account number `index` (from 0). */
export function accountLabel(index: number): string {
  return `wechat-${index + 1}`;
}

/**
 * Starts and logs in the deployment's bot accounts side by side (a real puppet logs each in with its own
 * session and token: `tokens[i]`, or the one token for all); fails, stopping those already in, when any
 * cannot log in.
 */
export async function startWechatyBots(
  options: Omit<WechatyBotOptions, 'account' | 'world' | 'puppetToken'> & {
    accounts: number;
    tokens?: readonly string[];
  },
): Promise<WechatyBots> {
  const n = Math.max(1, options.accounts);
  const worlds = options.puppet ? undefined : new SandboxWorlds(options.directory, n);
  const started = await Promise.allSettled(
    Array.from({ length: n }, (_, i) =>
      startWechatyBot({
        ...options,
        account: accountLabel(i),
        puppetToken: options.tokens?.[options.tokens.length === 1 ? 0 : i],
        ...(worlds ? { world: worlds.worlds[i] } : {}),
      }),
    ),
  );
  const bots = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  const stop = async () => {
    await Promise.all(bots.map((b) => b.stop()));
  };
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return {
    accounts: bots,
    sandbox: worlds,
    handledCount: () => bots.reduce((sum, b) => sum + b.handledCount(), 0),
    stop,
  };
}
