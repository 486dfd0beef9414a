import { describe, expect, it } from 'vitest';
import { startWechatyBot } from '../../../src/bot/wechaty/start-wechaty-bot.js';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import { isAppError } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';

describe('startWechatyBot', () => {
  it('gives up with LOGIN_TIMEOUT when the bot is not logged in in time', async () => {
    const started = Date.now();

    const error = await startWechatyBot({
      loginTimeoutMs: 500,
      directory: loadDirectory(),
      logger: silentLogger,
      onMessage: async () => {},
      sandboxLogin: false,
    }).catch((e: unknown) => e);

    expect(isAppError(error) && error.code).toBe('LOGIN_TIMEOUT');
    expect((error as Error).message).toContain('not logged in within');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('keeps running when one message handler throws', async () => {
    let calls = 0;
    const bot = await startWechatyBot({
      loginTimeoutMs: 5000,
      directory: loadDirectory(),
      logger: silentLogger,
      onMessage: async () => {
        calls++;
        if (calls === 1) {
          throw new Error('boom');
        }
      },
    });
    try {
      bot.sandbox?.say({ from: '王阿姨', room: '幸福里一区业主群', text: '第一条' });
      bot.sandbox?.say({ from: '王阿姨', room: '幸福里一区业主群', text: '第二条' });
      for (let i = 0; i < 200 && bot.handledCount() < 2; i++) {
        await new Promise((r) => setTimeout(r, 10));
      }

      expect(calls).toBe(2);
      expect(bot.handledCount()).toBe(2);
    } finally {
      await bot.stop();
    }
  });
});
