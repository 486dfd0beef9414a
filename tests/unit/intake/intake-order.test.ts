import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import { intakeOrderKey, orderedByKey } from '../../../src/intake/intake-order.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Job = { id: string; key: string; lookupMs?: number; runMs?: number; fails?: boolean };

function harness() {
  const log: string[] = [];
  const run = orderedByKey<Job>(
    async (job) => {
      await sleep(job.lookupMs ?? 0);
      return job.key;
    },
    async (job) => {
      log.push(`start ${job.id}`);
      await sleep(job.runMs ?? 0);
      log.push(`end ${job.id}`);
      if (job.fails) {
        throw new Error(`${job.id} failed`);
      }
    },
  );
  return { log, run };
}

describe('orderedByKey', () => {
  it('reads one key’s jobs in the order given and other keys side by side', async () => {
    const { log, run } = harness();
    await Promise.all([
      run({ id: 'a1', key: 'A', runMs: 60 }),
      run({ id: 'b1', key: 'B', runMs: 5 }),
      run({ id: 'a2', key: 'A', runMs: 5 }),
      run({ id: 'b2', key: 'B', runMs: 5 }),
    ]);
    // B's two jobs finish while A's first one is still running; A's second starts only after A's first
    expect(log.indexOf('end b2')).toBeLessThan(log.indexOf('end a1'));
    expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'));
    expect(log.indexOf('start b2')).toBeGreaterThan(log.indexOf('end b1'));
  });

  it('a slow key lookup is not overtaken by a quick one of the same key', async () => {
    const { log, run } = harness();
    await Promise.all([
      run({ id: 'first', key: 'A', lookupMs: 40 }),
      run({ id: 'second', key: 'A', lookupMs: 0 }),
    ]);
    expect(log).toEqual(['start first', 'end first', 'start second', 'end second']);
  });

  it('a failed job fails alone and does not hold up the next of its key', async () => {
    const { log, run } = harness();
    const results = await Promise.allSettled([
      run({ id: 'bad', key: 'A', fails: true }),
      run({ id: 'good', key: 'A' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(log).toEqual(['start bad', 'end bad', 'start good', 'end good']);
  });

  it('a key lookup that fails fails its job only', async () => {
    let calls = 0;
    const run = orderedByKey<string>(
      async (job) => {
        calls++;
        if (job === 'broken') {
          throw new Error('store down');
        }
        return 'A';
      },
      async () => undefined,
    );
    const results = await Promise.allSettled([run('broken'), run('fine')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(calls).toBe(2);
  });
});

describe('intakeOrderKey', () => {
  const directory = loadDirectory();
  const message = { roomId: 'r1', senderId: 'wx-1', sender: '王阿姨' };
  it('keeps a compound’s groups in one order, other compounds and private chats in their own', () => {
    const one = intakeOrderKey({ ...message, room: '幸福里一区业主群' }, directory);
    expect(one).toBe('compound:幸福里一区');
    expect(intakeOrderKey({ ...message, room: '锦苑邻里群' }, directory)).not.toBe(one);
    expect(intakeOrderKey({ ...message, room: null }, directory)).toBe('person:wx-1');
    expect(intakeOrderKey({ ...message, room: '不认识的群' }, directory)).toBe('room:r1');
  });
});
