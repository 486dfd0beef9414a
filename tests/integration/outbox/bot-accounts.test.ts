import { afterEach, describe, expect, it } from 'vitest';
import { privateTo } from '../../../src/outbox/address.js';
import { groupReply, type Outbox, type Sent, startOutbox, until } from '../../helpers/outbox-kit.js';

const ONE = '幸福里一区业主群';
const TWO = '幸福里二区居民群';
const WINDOW_MS = 2_000;

/** The most messages one account (or all together) sent within any window. */
function busiestWindow(sent: readonly Sent[], account?: string): number {
  const mine = sent.filter((m) => account === undefined || m.account === account);
  return Math.max(
    0,
    ...mine.map((first, i) => mine.slice(i).filter((m) => m.at < first.at + WINDOW_MS).length),
  );
}

describe('several bot accounts, each with its own send budget', () => {
  let outbox: Outbox | undefined;

  afterEach(async () => {
    await outbox?.close();
    outbox = undefined;
  });

  it('answers each group from the account in it and sends side by side, each account within its budget', async () => {
    // 4 a window each, replies up to 3 of them (one kept for emergencies)
    outbox = await startOutbox({ perMinute: 4, windowMs: WINDOW_MS, accounts: [[ONE], [TWO]] });
    const o = outbox;
    await o.queueMessages([
      ...Array.from({ length: 6 }, (_, i) => groupReply(`一区答复${i}`, ONE)),
      ...Array.from({ length: 6 }, (_, i) => groupReply(`二区答复${i}`, TWO)),
      ...['王阿姨', '陈大爷', '刘女士', '赵先生'].map((name) => privateTo(name, `您好，${name}`)),
    ]);

    o.start();
    await until(() => o.sent.length === 16, 20_000);

    expect(new Set(o.sent.filter((m) => m.room === ONE).map((m) => m.account))).toEqual(
      new Set(['wechat-1']),
    );
    expect(new Set(o.sent.filter((m) => m.room === TWO).map((m) => m.account))).toEqual(
      new Set(['wechat-2']),
    );
    expect(new Set(o.sent.map((m) => m.text)).size).toBe(16);
    for (const account of ['wechat-1', 'wechat-2']) {
      expect(busiestWindow(o.sent, account)).toBeLessThanOrEqual(3);
    }
    // two budgets, not one: some window held more than one account may send in it
    expect(busiestWindow(o.sent)).toBeGreaterThan(3);
    const first = Math.min(...o.sent.map((m) => m.at));
    // the store records which account sent each message
    const rows = await o.tickets.sendTimesSince(new Date(first - 1), 'wechat-2');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(16);
    expect(await o.tickets.pendingOutbox()).toEqual([]);
  }, 40_000);

  it('sets aside a message for a group no account is in, and sends the rest', async () => {
    outbox = await startOutbox({ perMinute: 100, accounts: [[ONE], [TWO]] });
    const o = outbox;
    const [lost] = await o.queueMessages([groupReply('三区答复', '锦苑邻里群'), groupReply('一区答复', ONE)]);

    o.start();
    await until(() => o.sent.length === 1, 10_000);
    await until(async () => (await o.tickets.getOutbox(lost ?? 0))?.failedAt instanceof Date, 10_000);

    expect(o.sent.map((m) => [m.text, m.account])).toEqual([['一区答复', 'wechat-1']]);
    expect(await o.tickets.pendingOutbox()).toEqual([]);
  }, 20_000);
});
