import { afterEach, describe, expect, it } from 'vitest';
import { type ClockedApp, GROUP, startClockedApp, t } from './timers-helpers.js';

describe('the daily digest per party organisation', () => {
  let app: ClockedApp;

  afterEach(async () => {
    await app.stop();
  });

  it('gives each grid party branch and paired organisation its figures as n/d, before the audit line', async () => {
    app = await startClockedApp('2026-11-30 09:00');
    await app.say({
      from: '王阿姨',
      room: GROUP,
      text: '3号楼2单元的电梯又坏了，老人下不了楼，今天还要去医院',
    });
    app.clock.set(t('2026-11-30 18:00'));

    await app.timers.run('daily_digest');
    await app.settle();

    const digest = app.sent.find((m) => m.room === '社区治理督办群')?.text.split('\n') ?? [];
    const heading = digest.indexOf('各党组织（网格党支部、双报到单位）：');
    expect(heading).toBeGreaterThan(0);
    expect(digest.slice(heading + 1)).toEqual([
      '· 第一网格党支部（赵红梅）：工单 1，确认解决 暂无，按时响应 0/1（0%），按时办结 暂无，超时未办 1，形式主义信号 暂无',
      '· 安居物业党支部（魏经理）：工单 1，确认解决 暂无，按时响应 0/1（0%），按时办结 暂无，超时未办 1，形式主义信号 暂无',
      expect.stringMatching(/^（审计校验：记录 \d+，/),
    ]);
  });
});
