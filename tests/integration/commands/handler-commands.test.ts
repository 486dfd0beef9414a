import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../src/clock/clock.js';
import { type ChatApp, startInlineApp } from '../../helpers/inline-app.js';
import {
  ELEVATOR,
  eventTypes,
  exchange,
  expectRefused,
  GROUP_1,
  inGroup,
  report,
  startCommandsApp,
  ticket,
  to,
} from './command-test-kit.js';

describe('handlers’ commands: 接单, 进展, 办结 and the reporter’s confirmation', () => {
  let app: ChatApp;

  beforeEach(async () => {
    app = await startCommandsApp();
  });

  afterEach(async () => {
    await app.stop();
  });

  it('接单 N by an assignee accepts, records the response time and tells the reporter in the group', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    const sent = await exchange(app, { from: '魏经理', text: `接单 ${t.number}` });

    const accepted = await ticket(app, t.number);
    expect(accepted.status).toBe('accepted');
    expect(accepted.respondedAt).not.toBeNull();
    expect(to(sent, '魏经理')[0]?.text).toContain(`已接单：工单 #${t.number}`);
    const told = inGroup(sent, GROUP_1);
    expect(told).toHaveLength(1);
    expect(told[0]?.mentions).toEqual(['王阿姨']);
    expect(told[0]?.text).toContain('安居物业魏经理');
  });

  it('refuses 接单 by staff who do not handle the ticket, and a second 接单 in words', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    await expectRefused(app, t.number, { from: '蒋工', text: `接单 ${t.number}` }, /不是该工单的办理人/);
    await expectRefused(app, t.number, { from: '张伟', text: `接单 ${t.number}` }, /不是该工单的办理人/);
    await exchange(app, { from: '李明', text: `接单 ${t.number}` });
    await expectRefused(
      app,
      t.number,
      { from: '魏经理', text: `接单 ${t.number}` },
      /当前状态为办理中，不能接单/,
    );
  });

  it('进展 N notes progress and tells the reporter where they reported; refused before 接单', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    await expectRefused(
      app,
      t.number,
      { from: '李明', text: `进展 ${t.number} 已联系维保` },
      /待接单，不能更新进展/,
    );
    await exchange(app, { from: '李明', text: `接单 ${t.number}` });
    const sent = await exchange(app, { from: '李明', text: `进展 ${t.number} 维保公司下午两点到` });
    expect(inGroup(sent, GROUP_1)[0]?.text).toBe(`工单 #${t.number} 最新进展：维保公司下午两点到`);
    expect((await app.tickets.events(t.number)).at(-1)).toMatchObject({ type: 'progress', actor: '李明' });
  });

  it('办结 N on an open ticket accepts then resolves with text evidence and asks the reporter to confirm', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    const sent = await exchange(app, { from: '魏经理', text: `办结 ${t.number} 已更换电梯主板，运行正常` });

    const resolved = await ticket(app, t.number);
    expect(resolved.status).toBe('resolved');
    expect(resolved.respondedAt).not.toBeNull();
    expect(resolved.resolvedAt).not.toBeNull();
    expect(resolved.evidence).toMatchObject([
      { kind: 'text', ref: '已更换电梯主板，运行正常', by: '魏经理' },
    ]);
    expect(await eventTypes(app, t.number)).toEqual([
      'created',
      'accept',
      'resolve',
      'confirmation_requested',
    ]);
    const ask = inGroup(sent, GROUP_1);
    expect(ask).toHaveLength(1);
    expect(ask[0]?.mentions).toEqual(['王阿姨']);
    expect(ask[0]?.text).toBe(
      `工单 #${t.number} 已办结：已更换电梯主板，运行正常。请回复「满意」或「不满意」（也可回复 1 或 2）。`,
    );
  });

  it('refuses 办结 with too short a text, with help, and by someone who does not handle it', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    const before = (await app.tickets.events(t.number)).length;
    const sent = await exchange(app, { from: '李明', text: `办结 ${t.number} 好了` });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe('李明');
    expect(sent[0]?.text).toContain('至少 4 个字');
    expect(await app.tickets.events(t.number)).toHaveLength(before);
    expect((await ticket(app, t.number)).status).toBe('open');
    await expectRefused(app, t.number, { from: '陶经理', text: `办结 ${t.number} 已经修好电梯了` }, /办理人/);
  });

  it('满意 closes a resolved ticket as satisfied and tells the assignees; 评价 rates it once', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    await exchange(app, { from: '魏经理', text: `办结 ${t.number} 已更换电梯主板` });
    const sent = await exchange(app, { from: '王阿姨', room: GROUP_1, text: '满意' });

    const closed = await ticket(app, t.number);
    expect(closed).toMatchObject({ status: 'closed', confirmation: 'satisfied' });
    expect(closed.closedAt).not.toBeNull();
    expect(inGroup(sent, GROUP_1)[0]?.text).toContain(`工单 #${t.number} 已关闭`);
    expect(to(sent, '魏经理')).toHaveLength(1);

    await exchange(app, { from: '王阿姨', room: GROUP_1, text: `评价 ${t.number} 5` });
    expect((await ticket(app, t.number)).rating).toBe(5);
    expect((await eventTypes(app, t.number)).at(-1)).toBe('rated');
    await expectRefused(app, t.number, { from: '王阿姨', text: `评价 ${t.number} 1` }, /评价过/);
    await expectRefused(app, t.number, { from: '王阿姨', text: `满意 ${t.number}` }, /已关闭，不能确认满意/);
  });

  it('不满意 with a reason reopens: back to accepted, reopen counted, the assignees told why', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    await exchange(app, { from: '李明', text: `办结 ${t.number} 已通知物业维修` });
    const sent = await exchange(app, {
      from: '王阿姨',
      room: GROUP_1,
      text: `不满意 ${t.number} 电梯还是停在一楼`,
    });

    const reopened = await ticket(app, t.number);
    expect(reopened).toMatchObject({ status: 'accepted', confirmation: 'unsatisfied', reopenCount: 1 });
    expect(to(sent, '李明')[0]?.text).toContain('电梯还是停在一楼');
    expect(to(sent, '魏经理')[0]?.text).toContain(`#${t.number}`);
    expect((await app.tickets.events(t.number)).at(-1)).toMatchObject({
      type: 'reject',
      detail: '电梯还是停在一楼',
    });
  });

  it('reads 1 and 2 as answers only while a confirmation awaits the sender', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    await exchange(app, { from: '李明', text: `办结 ${t.number} 已通知物业维修` });
    expect(await exchange(app, { from: '陈大爷', room: GROUP_1, text: '2' })).toEqual([]);
    await exchange(app, { from: '王阿姨', room: GROUP_1, text: '2' });
    expect(await ticket(app, t.number)).toMatchObject({ status: 'accepted', reopenCount: 1 });

    await exchange(app, { from: '李明', text: `办结 ${t.number} 物业已修好电梯` });
    await exchange(app, { from: '王阿姨', room: GROUP_1, text: '1' });
    expect(await ticket(app, t.number)).toMatchObject({ status: 'closed', confirmation: 'satisfied' });
    expect(await exchange(app, { from: '王阿姨', room: GROUP_1, text: '1' })).toEqual([]);
  });

  it('refuses 满意 by a resident who did not report the ticket, and answers 满意 with nothing awaited', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    await exchange(app, { from: '李明', text: `办结 ${t.number} 已通知物业维修` });
    await expectRefused(app, t.number, { from: '陈大爷', room: GROUP_1, text: `满意 ${t.number}` }, /反映人/);
    const none = await exchange(app, { from: '陈大爷', room: GROUP_1, text: '满意' });
    expect(none[0]?.text).toBe('目前没有等待您确认的工单。');
    expect((await ticket(app, t.number)).status).toBe('resolved');
  });

  it('attaches the handler’s photo sent right after 办结 as resolution evidence', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    await exchange(app, { from: '魏经理', text: `办结 ${t.number} 已更换电梯主板` });
    const mark = app.sent.length;
    await app.say({ from: '魏经理', room: null, image: 'repair.jpg' });
    expect(app.sent.slice(mark).map((m) => [m.to, m.text])).toEqual([
      ['魏经理', `照片已作为工单 #${t.number} 的办结佐证。`],
    ]);

    const resolved = await ticket(app, t.number);
    expect(resolved.evidence.map((e) => [e.kind, e.ref, e.by])).toEqual([
      ['text', '已更换电梯主板', '魏经理'],
      ['photo', expect.stringMatching(/-repair\.jpg$/), '魏经理'],
    ]);
    // the photo itself is kept beside the store, for the dashboard's ticket page
    const photo = resolved.evidence[1]?.ref ?? '';
    expect(readFileSync(join(app.dataDir, 'media', photo), 'utf8')).toBe('stand-in for repair.jpg');
    expect((await eventTypes(app, t.number)).at(-1)).toBe('evidence_added');
  });
});

describe('photo evidence on the clock', () => {
  it('does not attach a handler’s photo sent after the window (60 s) has passed', async () => {
    const clock = new SimulatedClock(new Date('2026-11-30T09:00:00+08:00'));
    const app = await startInlineApp({ clock });
    try {
      const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
      await exchange(app, { from: '魏经理', text: `办结 ${t.number} 已更换电梯主板` });
      const events = (await app.tickets.events(t.number)).length;
      clock.advance(61_000);
      const sent = await exchange(app, { from: '魏经理', image: 'late.jpg' });
      expect(sent.filter((m) => m.text.includes('佐证'))).toEqual([]);
      expect((await ticket(app, t.number)).evidence.filter((e) => e.kind === 'photo')).toEqual([]);
      expect(await app.tickets.events(t.number)).toHaveLength(events);
    } finally {
      await app.stop();
    }
  });
});
