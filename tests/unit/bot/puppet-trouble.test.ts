import { describe, expect, it } from 'vitest';
import { createPuppetTrouble } from '../../../src/bot/wechaty/puppet-trouble.js';

function recordingLogger() {
  const lines: Array<{ level: string; obj: Record<string, unknown> }> = [];
  return {
    lines,
    error: (obj: object) => lines.push({ level: 'error', obj: obj as Record<string, unknown> }),
    warn: (obj: object) => lines.push({ level: 'warn', obj: obj as Record<string, unknown> }),
  };
}

describe('puppet trouble', () => {
  it('logs the first of each error with its stack, then a count at most once a minute', () => {
    const logger = recordingLogger();
    let clock = 0;
    const trouble = createPuppetTrouble(logger, () => clock);
    for (let i = 0; i < 53; i++) {
      trouble.report(new Error('getaddrinfo ENOTFOUND login.wx.qq.com'), true);
      clock += 400;
    }
    // 53 errors in 21 s: one line with the stack
    expect(logger.lines).toEqual([
      { level: 'error', obj: expect.objectContaining({ event: 'bot.puppet.error' }) },
    ]);
    clock += 60_000;
    trouble.report(new Error('getaddrinfo ENOTFOUND login.wx.qq.com'), true);
    expect(logger.lines[1]).toEqual({
      level: 'warn',
      obj: expect.objectContaining({ event: 'bot.puppet.error.repeated', times: 53 }),
    });
  });

  it('before login, a puppet that keeps failing to reach WeChat gives one sentence', async () => {
    const trouble = createPuppetTrouble(recordingLogger());
    trouble.report(new Error('something else'), false);
    for (let i = 0; i < 3; i++) {
      trouble.report(new Error('getaddrinfo ENOTFOUND login.wx.qq.com'), false);
    }
    await expect(trouble.unreachable).resolves.toBe(
      'the puppet cannot reach WeChat (getaddrinfo ENOTFOUND login.wx.qq.com): check the network or proxy, or WECHATY_PUPPET',
    );
  });
});
