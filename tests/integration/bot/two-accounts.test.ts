import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

const ONE = '幸福里一区业主群';
const TWO = '幸福里二区居民群';

describe('the bot on two WeChat accounts (sandbox)', () => {
  let app: TestApp;
  const logLines: string[] = [];

  beforeAll(async () => {
    app = await startTestApp({
      env: { BOT_ACCOUNTS: '2' },
      logger: createLogger('warn', { write: (line) => logLines.push(line) }),
    });
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
  });

  it('deals the groups out between the accounts and answers each group from the account in it', async () => {
    expect(app.world.worlds.map((w) => w.roomTopics())).toEqual([
      ['幸福里一区业主群', '锦苑邻里群', '党员志愿者群'],
      ['幸福里二区居民群', '网格员工作群', '社区治理督办群'],
    ]);

    await app.say({ from: '王阿姨', room: ONE, text: '3号楼电梯坏了，老人下不了楼' });
    await app.say({ from: '陈大爷', room: TWO, text: '15号楼楼道灯坏了好几天了，晚上黑乎乎的' });

    const from = (room: string) => app.sent.flatMap((m, i) => (m.room === room ? [app.sentBy[i]] : []));
    expect(from(ONE).length).toBeGreaterThan(0);
    expect(new Set(from(ONE))).toEqual(new Set(['wechat-1']));
    expect(from(TWO).length).toBeGreaterThan(0);
    expect(new Set(from(TWO))).toEqual(new Set(['wechat-2']));
    // the grid workers hear of their tickets privately, from an account that knows them
    const notified = app.sent.filter((m) => m.room === null).map((m) => m.to);
    expect(notified).toEqual(expect.arrayContaining(['李明', '王芳']));
  });

  it('answers a private message, and records which account sent every message, none lost', async () => {
    await app.say({ from: '王阿姨', room: null, text: '进度 1' });

    const answer = app.sent.findLastIndex((m) => m.to === '王阿姨');
    expect(answer).toBeGreaterThanOrEqual(0);
    expect(app.sent[answer]?.text).toContain('电梯');
    const db = new Database(join(app.dataDir, 'shaozi.db'), { readonly: true });
    try {
      const rows = db
        .prepare('select sent_by as by, count(*) as n from outbox group by sent_by')
        .all() as Array<{
        by: string | null;
        n: number;
      }>;
      expect(rows.map((r) => r.by).sort()).toEqual(['wechat-1', 'wechat-2']);
      expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(app.sent.length);
      expect(db.prepare('select count(*) as n from outbox where failed_at is not null').get()).toEqual({
        n: 0,
      });
    } finally {
      db.close();
    }
    // asking an account about a group or person it does not know is no puppet error
    expect(logLines.filter((l) => l.includes('bot.puppet.error'))).toEqual([]);
  });
});
