import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasPersonalData } from '../../../src/privacy/mask.js';
import type { ChatApp } from '../../helpers/inline-app.js';
import {
  ELEVATOR,
  eventTypes,
  exchange,
  expectRefused,
  GROUP_1,
  GROUP_2,
  inGroup,
  ROOF_LEAK,
  report,
  startCommandsApp,
  ticket,
  to,
} from './command-test-kit.js';

describe('residents’ commands on the real pipeline', () => {
  let app: ChatApp;

  beforeEach(async () => {
    app = await startCommandsApp();
  });

  afterEach(async () => {
    await app.stop();
  });

  it('帮助 lists a resident’s commands in the group, and a grid worker’s work commands privately', async () => {
    const resident = await exchange(app, { from: '王阿姨', room: GROUP_1, text: '#帮助' });
    expect(resident).toHaveLength(1);
    expect(resident[0]).toMatchObject({ room: GROUP_1, mentions: ['王阿姨'] });
    expect(resident[0]?.text).toContain('进度 N');
    expect(resident[0]?.text).toContain('满意 [N]');
    expect(resident[0]?.text).not.toContain('接单');

    const worker = await exchange(app, { from: '李明', text: '帮助' });
    expect(worker[0]?.to).toBe('李明');
    expect(worker[0]?.text).toContain('接单 N');
    expect(worker[0]?.text).toContain('吹哨 N 单位…');
    expect(worker[0]?.text).not.toContain('查楼');
    expect(await app.tickets.listTickets()).toEqual([]);
  });

  it('我的工单 shows a resident’s own reports with their status, and says so when there are none', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    const mine = await exchange(app, { from: '王阿姨', room: GROUP_1, text: '我的工单' });
    expect(mine[0]?.text).toContain(`#${t.number}`);
    expect(mine[0]?.text).toContain('待接单');
    expect(mine[0]?.text).not.toContain('13812345678');

    const none = await exchange(app, { from: '陈大爷', text: '我的工单' });
    expect(none[0]?.text).toBe('您还没有反映过问题。');
  });

  it('进度 N tells the reporter the status, place and last steps', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    const sent = await exchange(app, { from: '王阿姨', room: GROUP_1, text: `进度 ${t.number}` });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ room: GROUP_1, mentions: ['王阿姨'] });
    expect(sent[0]?.text).toContain(`工单 #${t.number}`);
    expect(sent[0]?.text).toContain('幸福里一区3号楼');
    expect(sent[0]?.text).toContain('待接单');
    expect(sent[0]?.text).toContain('安居物业');
  });

  it('进度 N of a neighbour’s ticket in the same group shows no name or phone of the reporter', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    await exchange(app, {
      from: '王阿姨',
      room: GROUP_1,
      text: `补充 ${t.number} 我家是302，电话13812345678`,
    });
    const sent = await exchange(app, { from: '陈大爷', room: GROUP_1, text: `进度${t.number}` });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ room: GROUP_1, mentions: ['陈大爷'] });
    const text = sent[0]?.text ?? '';
    expect(text).toContain(`#${t.number}`);
    expect(text).not.toContain('王阿姨');
    expect(text).not.toContain('302');
    expect(hasPersonalData(text)).toBe(false);
  });

  it('refuses 进度 N to a resident of another group, privately', async () => {
    const t = await report(app, '陈大爷', GROUP_2, ROOF_LEAK);
    await expectRefused(
      app,
      t.number,
      { from: '王阿姨', room: GROUP_1, text: `#进度 ${t.number}` },
      /反映人/,
    );
  });

  it('补充 N adds a supplemented event and tells the assignees privately', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    const sent = await exchange(app, {
      from: '王阿姨',
      room: GROUP_1,
      text: `补充 ${t.number} 是2单元那部电梯`,
    });
    expect(inGroup(sent, GROUP_1)[0]?.text).toContain(`#${t.number}`);
    expect(to(sent, '李明')[0]?.text).toContain('是2单元那部电梯');
    expect(to(sent, '魏经理')).toHaveLength(1);
    const events = await app.tickets.events(t.number);
    expect(events.at(-1)).toMatchObject({ type: 'supplemented', actor: '王阿姨', detail: '是2单元那部电梯' });
  });

  it('refuses 补充 and 撤回 by someone who did not report it, changing nothing', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    await expectRefused(
      app,
      t.number,
      { from: '陈大爷', room: GROUP_1, text: `补充 ${t.number} 我也看到了` },
      /反映人/,
    );
    await expectRefused(app, t.number, { from: '陈大爷', text: `撤回 ${t.number}` }, /反映人/);
  });

  it('撤回 N cancels the reporter’s ticket and tells the assignees; a second 撤回 is refused in words', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    const sent = await exchange(app, { from: '王阿姨', room: GROUP_1, text: `撤回${t.number}` });
    expect((await ticket(app, t.number)).status).toBe('cancelled');
    expect(await eventTypes(app, t.number)).toEqual(['created', 'withdraw']);
    expect(to(sent, '李明')[0]?.text).toContain(`#${t.number}`);
    expect(to(sent, '魏经理')).toHaveLength(1);

    await expectRefused(
      app,
      t.number,
      { from: '王阿姨', text: `撤回 ${t.number}` },
      /当前状态为已撤回，不能撤回/,
    );
  });

  it('answers a malformed command with its usage, never silence, and opens no ticket', async () => {
    const bare = await exchange(app, { from: '王阿姨', room: GROUP_1, text: '进度' });
    expect(bare).toHaveLength(1);
    expect(bare[0]).toMatchObject({ room: GROUP_1, mentions: ['王阿姨'] });
    expect(bare[0]?.text).toContain('格式：进度 N');

    const rating = await exchange(app, { from: '王阿姨', text: '评价 1 九分' });
    expect(rating[0]?.text).toContain('1 到 5');
    expect(rating[0]?.text).toContain('评价 N 1-5');

    const mentioned = await exchange(app, { from: '陈大爷', room: GROUP_1, text: '补充', mention: true });
    expect(mentioned[0]?.text).toContain('格式：补充 N 内容');
    expect(await app.tickets.listTickets()).toEqual([]);
  });

  it('answers an unknown ticket number plainly', async () => {
    const sent = await exchange(app, { from: '王阿姨', room: GROUP_1, text: '进度 #99' });
    expect(sent[0]?.text).toContain('没有找到工单 #99');
  });

  it('tells a resident that a staff command is not theirs, privately', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    await expectRefused(
      app,
      t.number,
      { from: '陈大爷', room: GROUP_1, text: `#接单 ${t.number}` },
      /工作人员/,
    );
  });

  it('leaves chat that merely starts with a verb, and a bare 1 with nothing awaited, to intake', async () => {
    await report(app, '王阿姨', GROUP_1, ELEVATOR);
    const sent = await exchange(app, { from: '陈大爷', room: GROUP_1, text: '1' });
    const chat = await exchange(app, {
      from: '陈大爷',
      room: GROUP_1,
      text: '满意了满意了 今天菜市场的菜真新鲜',
    });
    expect([...sent, ...chat]).toEqual([]);
  });
});
