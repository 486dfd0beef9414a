import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type ClockedApp, GROUP, startClockedApp, t } from './timers-helpers.js';

describe('timers across a restart, and the digests', () => {
  let app: ClockedApp | undefined;
  const cleanup: string[] = [];

  afterEach(async () => {
    await app?.stop();
    app = undefined;
    for (const dir of cleanup.splice(0)) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fires each step due while the bot was down exactly once after a restart on the same store and queues', async () => {
    const first = await startClockedApp('2026-11-30 09:00');
    await first.say({
      from: '王阿姨',
      room: GROUP,
      text: '3号楼2单元的电梯又坏了，老人下不了楼，今天还要去医院',
    });
    await first.say({
      from: '陈大爷',
      room: '幸福里二区居民群',
      text: '15号楼楼道墙皮脱落了好久了，没人来修',
    });
    await first.advance('2026-11-30 10:40');
    const reminded = (await first.events(1, 'reminded')).length;
    const { dataDir, queuePrefix } = first;
    cleanup.push(dataDir);
    await first.halt();

    app = await startClockedApp('2026-11-30 11:05', { dataDir, queuePrefix });
    await app.runTimers();
    await app.runTimers();
    const sentBefore = app.sent;
    await app.halt();
    app = await startClockedApp('2026-11-30 11:05', { dataDir, queuePrefix });
    await app.runTimers();

    expect(reminded).toBe(1);
    expect(await app.events(1, 'reminded')).toHaveLength(1);
    expect(await app.events(1, 'overdue')).toHaveLength(1);
    expect((await app.events(1, 'escalated')).map((e) => e.at)).toEqual([t('2026-11-30 11:05')]);
    expect(await app.events(2, 'escalated')).toEqual([]);
    expect([...sentBefore, ...app.sent].filter((m) => m.to === '赵红梅')).toHaveLength(1);
    expect(await app.tickets.verifyAudit()).toMatchObject({ ok: true });
  });

  it('upserts the sweep scheduler at startup, and the scheduled sweep fires on its own', async () => {
    app = await startClockedApp('2026-11-30 09:00', { env: { SWEEP_INTERVAL_S: '1' } });
    await app.say({
      from: '王阿姨',
      room: GROUP,
      text: '3号楼2单元的电梯又坏了，老人下不了楼，今天还要去医院',
    });
    app.clock.set(t('2026-11-30 10:40'));

    const deadline = Date.now() + 5000;
    while ((await app.events(1, 'reminded')).length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }

    expect(await app.timers.queue.getJobScheduler('sla-sweep')).toMatchObject({ every: 1000 });
    expect(await app.events(1, 'reminded')).toHaveLength(1);
  });

  it('sends the daily digest to the supervisors group once, however often its job runs', async () => {
    app = await startClockedApp('2026-11-30 09:00');
    await app.say({
      from: '王阿姨',
      room: GROUP,
      text: '3号楼2单元的电梯又坏了，老人下不了楼，今天还要去医院',
    });
    app.clock.set(t('2026-11-30 18:00'));

    await app.timers.run('daily_digest');
    app.clock.set(t('2026-11-30 18:03'));
    await app.timers.run('daily_digest');
    await app.settle();

    const digests = app.sent.filter((m) => m.room === '社区治理督办群');
    expect(digests).toHaveLength(1);
    expect(digests[0]?.text.length).toBeGreaterThan(0);
    // the chain head anchored where the database cannot reach
    const head = await app.tickets.auditHead();
    expect(head.eventId).toBeGreaterThan(0);
    expect(digests[0]?.text).toContain(`审计校验：记录 ${head.eventId}，${head.hash.slice(0, 12)}`);
  });

  it('sends a weekly summary to each residents group', async () => {
    app = await startClockedApp('2026-11-30 09:00');
    app.clock.set(t('2026-12-07 09:00'));

    await app.timers.run('weekly_summary');
    await app.settle();

    expect(app.sent.map((m) => m.room).sort()).toEqual(
      ['幸福里一区业主群', '幸福里二区居民群', '锦苑邻里群'].sort(),
    );
  });
});
