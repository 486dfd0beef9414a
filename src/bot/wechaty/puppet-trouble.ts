import type { Logger } from '../../logger.js';

/** Errors that mean the puppet cannot reach WeChat's servers at all. */
const UNREACHABLE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|socket hang up/i;
/** How many such errors before login make the start fail with one sentence. */
const UNREACHABLE_AFTER = 3;
/** A repeated error is summarised at most this often instead of logging its stack again. */
const SUMMARY_EVERY_MS = 60_000;

/**
 * The puppet's errors, logged without flooding: the first of each kind with its stack, then a count at
 * most once a minute. Before login, a puppet that keeps failing to reach WeChat resolves `unreachable` with
 * one sentence for the operator (instead of a stack trace every half second until the login timeout).
 */
export function createPuppetTrouble(logger: Pick<Logger, 'error' | 'warn'>, now: () => number = Date.now) {
  const seen = new Map<string, { count: number; reportedAt: number; reportedCount: number }>();
  let unreachableCount = 0;
  let settle: (sentence: string) => void = () => {};
  const unreachable = new Promise<string>((resolve) => {
    settle = resolve;
  });
  return {
    unreachable,
    report(error: unknown, loggedIn: boolean): void {
      const message =
        (error instanceof Error ? error.message : String(error)).split('\n')[0]?.slice(0, 160) ?? '';
      const entry = seen.get(message);
      if (!entry) {
        seen.set(message, { count: 1, reportedAt: now(), reportedCount: 1 });
        logger.error({ event: 'bot.puppet.error', err: error }, 'puppet error');
      } else {
        entry.count++;
        if (now() - entry.reportedAt >= SUMMARY_EVERY_MS) {
          logger.warn(
            { event: 'bot.puppet.error.repeated', message, times: entry.count - entry.reportedCount },
            'puppet error repeated',
          );
          entry.reportedAt = now();
          entry.reportedCount = entry.count;
        }
      }
      if (!loggedIn && UNREACHABLE.test(message) && ++unreachableCount === UNREACHABLE_AFTER) {
        settle(`the puppet cannot reach WeChat (${message}): check the network or proxy, or WECHATY_PUPPET`);
      }
    },
  };
}
