import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatApp } from '../../helpers/inline-app.js';
import {
  exchange,
  expectRefused,
  GROUP_1,
  GROUP_2,
  report,
  startCommandsApp,
  to,
} from './command-test-kit.js';

const LEAK = '16号楼2单元厨房水管漏水了，自己修不了';

describe('resources matched to needs: 资源 N and 对接 N 资源名', () => {
  let app: ChatApp;

  beforeEach(async () => {
    app = await startCommandsApp();
  });

  afterEach(async () => {
    await app.stop();
  });

  it('names the 二区 volunteer plumbers in the grid worker’s notice only, and lists them on 资源 N', async () => {
    const mark = app.sent.length;
    const t = await report(app, '陈大爷', GROUP_2, LEAK);
    const notices = app.sent.slice(mark);

    expect(to(notices, '王芳')[0]?.text).toContain(
      '可对接资源：水电维修志愿队（马振华）、顺达水电维修部（田师傅）',
    );
    expect(to(notices, '蒋工')[0]?.text).not.toContain('可对接资源');
    const listed = await exchange(app, { from: '王芳', text: `资源 ${t.number}` });
    expect(listed).toHaveLength(1);
    expect(to(listed, '王芳')[0]?.text).toBe(
      `工单 #${t.number}【楼宇维修】幸福里二区16号楼2单元 可对接的资源：\n` +
        '1. 水电维修志愿队（志愿队）联系人马振华，还可同时接 3 件\n' +
        '2. 顺达水电维修部（共建单位）联系人田师傅，本月还可接 6 次\n' +
        `对接请发「对接 ${t.number} 资源名」。`,
    );
  });

  it('对接 N records the engagement on the audit chain, tells the contact and counts against capacity', async () => {
    const t = await report(app, '陈大爷', GROUP_2, LEAK);

    const sent = await exchange(app, { from: '王芳', text: `对接 ${t.number} 水电维修志愿队` });

    expect(to(sent, '王芳')[0]?.text).toBe(
      `已为工单 #${t.number} 对接水电维修志愿队，已通知联系人马振华。水电维修志愿队还可同时接 2 件。`,
    );
    const told = to(sent, '马振华')[0]?.text ?? '';
    expect(told).toContain('【帮扶对接】');
    expect(told).toContain('幸福里二区16号楼2单元');
    expect(told).toContain('请与网格员王芳联系');
    expect(told).not.toContain('陈大爷');
    expect(sent.filter((m) => m.room !== null)).toEqual([]);
    const last = (await app.tickets.events(t.number)).at(-1);
    expect(last).toMatchObject({ type: 'resource_engaged', actor: '王芳' });
    expect(JSON.parse(last?.detail ?? '{}')).toEqual({
      resource: '水电维修志愿队',
      contact: '马振华',
      by: '王芳',
    });
    expect(await app.tickets.verifyAudit()).toMatchObject({ ok: true });
    const again = await exchange(app, { from: '王芳', text: `资源 ${t.number}` });
    expect(to(again, '王芳')[0]?.text).toContain('已对接：水电维修志愿队');
    expect(to(again, '王芳')[0]?.text).not.toContain('1. 水电维修志愿队');
    const history = await exchange(app, { from: '王芳', text: `查询 ${t.number}` });
    expect(to(history, '王芳')[0]?.text).toMatch(/王芳 已对接帮扶资源：水电维修志愿队\n?/);
    expect(to(history, '王芳')[0]?.text).not.toContain('"resource"');
  });

  it('stops offering a resource at capacity and refuses to engage it', async () => {
    const tickets = [];
    for (const building of [13, 14, 15, 16]) {
      tickets.push(await report(app, `居民${building}`, GROUP_2, `${building}号楼3单元水管漏水了`));
    }
    for (const t of tickets.slice(0, 3)) {
      await exchange(app, { from: '王芳', text: `对接 ${t.number} 水电维修志愿队` });
    }
    const fourth = tickets[3]?.number ?? 0;

    const listed = await exchange(app, { from: '王芳', text: `资源 ${fourth}` });
    const refused = await exchange(app, { from: '王芳', text: `对接 ${fourth} 水电维修志愿队` });

    expect(to(listed, '王芳')[0]?.text).toContain('已满额：水电维修志愿队');
    expect(to(listed, '王芳')[0]?.text).toContain('1. 顺达水电维修部');
    expect(refused).toHaveLength(1);
    expect(refused[0]?.text).toBe(
      `水电维修志愿队已满额，暂不能对接工单 #${fourth}。发「资源 ${fourth}」查看其他资源。`,
    );
    expect((await app.tickets.events(fourth)).map((e) => e.type)).not.toContain('resource_engaged');
  });

  it('answers an unknown resource, a second engagement, a resident and a non-handler in words', async () => {
    const t = await report(app, '陈大爷', GROUP_2, LEAK);
    await exchange(app, { from: '王芳', text: `对接 ${t.number} 水电维修` });

    const unknown = await exchange(app, { from: '王芳', text: `对接 ${t.number} 消防队` });
    await exchange(app, { from: '王芳', text: `对接 ${t.number} 水电维修志愿队` });
    const twice = await exchange(app, { from: '王芳', text: `对接 ${t.number} 水电维修志愿队` });
    const resident = await exchange(app, { from: '陈大爷', text: `资源 ${t.number}` });

    expect(unknown[0]?.text).toBe(`没有找到「消防队」这个资源。发「资源 ${t.number}」查看可对接的资源。`);
    expect(twice[0]?.text).toBe(`水电维修志愿队已在协助工单 #${t.number}，无需重复对接。`);
    expect(resident[0]?.text).toContain('是工作人员的指令');
    expect((await app.tickets.events(t.number)).filter((e) => e.type === 'resource_engaged')).toHaveLength(1);
    await expectRefused(
      app,
      t.number,
      { from: '李明', text: `对接 ${t.number} 明德律师事务所` },
      /不是该工单的办理人/,
    );
  });

  it('资源统计 shows a supervisor the resources used and unused and the needs without one', async () => {
    const leak = await report(app, '陈大爷', GROUP_2, LEAK);
    await report(app, '王阿姨', GROUP_1, '3号楼电梯又坏了，老人下不了楼');
    await exchange(app, { from: '王芳', text: `对接 ${leak.number} 水电维修志愿队` });

    const sent = await exchange(app, { from: '刘桂兰', text: '资源统计' });
    const refused = await exchange(app, { from: '王芳', text: '资源统计' });

    const lines = (to(sent, '刘桂兰')[0]?.text ?? '').split('\n');
    expect(lines[0]).toMatch(/^幸福里社区帮扶资源（本月 /);
    expect(lines.slice(1)).toEqual([
      '对接 1 次，用到资源 1/8 个：',
      '· 水电维修志愿队 1 次',
      '本月未用 7/8：区人民医院党支部、明德中学、明德律师事务所、夕阳红助老服务社、顺达水电维修部、心灵驿站心理咨询室、幸福里人民调解工作室',
      '新需求中有资源可配 1/2（50%），其中已对接 1/1（100%）',
      '无资源可配 1/2（50%）：电梯 1',
    ]);
    expect(refused[0]?.text).toContain('是工作人员的指令');
  });
});
