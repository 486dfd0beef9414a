import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

const STAFF_GROUP = '网格员工作群';

describe('转派, 退回, 吹哨/报到, 查询, 查楼, 认领 and staff’s 我的工单', () => {
  let app: ChatApp;

  beforeEach(async () => {
    app = await startCommandsApp();
  });

  afterEach(async () => {
    await app.stop();
  });

  it('转派 by the property liaison hands the ticket to housing: new liaison, grid worker stays, counted', async () => {
    // a normal-urgency report, whose response window counts in working days
    const t = await report(app, '王阿姨', GROUP_1, '3号楼电梯按钮不灵了，按好几下才亮');
    await exchange(app, { from: '魏经理', text: `接单 ${t.number}` });
    const sent = await exchange(app, {
      from: '魏经理',
      text: `转派 ${t.number} 住建 电梯属加装工程，归住建管`,
    });

    expect(await ticket(app, t.number)).toMatchObject({
      status: 'open',
      body: 'housing',
      tiaoKuai: 'section',
      assignees: ['李明', '蒋工'],
      transferCount: 1,
    });
    const moved = await ticket(app, t.number);
    // a fresh window from the transfer: never earlier (on a weekend both fall on the next working morning)
    expect(moved.respondBy?.getTime()).toBeGreaterThanOrEqual(
      t.respondBy?.getTime() ?? Number.POSITIVE_INFINITY,
    );
    expect(moved.resolveBy).toEqual(t.resolveBy);
    expect(to(sent, '蒋工')[0]?.text).toContain('电梯属加装工程');
    expect(to(sent, '蒋工')[0]?.text).toContain(`接单 ${t.number}`);
    expect(inGroup(sent, GROUP_1)[0]?.text).toContain('区住房和城乡建设局');
    await exchange(app, { from: '蒋工', text: `接单 ${t.number}` });
    expect((await ticket(app, t.number)).status).toBe('accepted');
  });

  it('refuses 转派 by staff who do not handle it, to the same body, and to a body with no liaison there', async () => {
    const t = await report(app, '陈大爷', GROUP_2, ROOF_LEAK);
    await expectRefused(app, t.number, { from: '冯志强', text: `转派 ${t.number} 城管 占道` }, /办理人/);
    await expectRefused(
      app,
      t.number,
      { from: '王芳', text: `转派 ${t.number} 住建 再看看` },
      /已由该单位办理/,
    );
    await expectRefused(
      app,
      t.number,
      { from: '王芳', text: `转派 ${t.number} 物业 物业的事` },
      /没有联络人/,
    );
  });

  it('退回 then re-route: the dispatchers hear the reason; only a dispatcher’s 转派 re-routes it', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    const returned = await exchange(app, {
      from: '魏经理',
      text: `退回 ${t.number} 该电梯不在物业合同范围内`,
    });

    expect(await ticket(app, t.number)).toMatchObject({ status: 'returned', returnCount: 1 });
    expect(to(returned, '李明')[0]?.text).toContain('该电梯不在物业合同范围内');
    expect(to(returned, '吴晓东')[0]?.text).toContain(`转派 ${t.number}`);
    expect(inGroup(returned, GROUP_1)).toEqual([]);
    await expectRefused(app, t.number, { from: '魏经理', text: `接单 ${t.number}` }, /已退回，不能接单/);
    await expectRefused(app, t.number, { from: '魏经理', text: `转派 ${t.number} 住建 请住建处理` }, /调度/);

    const rerouted = await exchange(app, {
      from: '李明',
      room: STAFF_GROUP,
      text: `转派 ${t.number} 住建 加装电梯归住建`,
    });
    expect(await ticket(app, t.number)).toMatchObject({
      status: 'open',
      body: 'housing',
      assignees: ['李明', '蒋工'],
      transferCount: 0,
    });
    expect(to(rerouted, '蒋工')).toHaveLength(1);
    expect(inGroup(rerouted, STAFF_GROUP)).toEqual([]);
    await exchange(app, { from: '蒋工', text: `接单 ${t.number}` });
    expect(await eventTypes(app, t.number)).toEqual(['created', 'return', 'reroute', 'accept']);
  });

  it('退回 goes back to the grid worker who holds the ticket, who may re-route it; the returning body leaves it', async () => {
    const t = await report(app, '刘女士', GROUP_1, '8号楼门口的路面塌了一个坑，电动车差点摔了');
    expect(t.grid).toBe('第二网格');
    const returnedBy = t.assignees.find((a) => a !== '张伟');
    expect(returnedBy).toBeDefined();
    const returned = await exchange(app, { from: returnedBy as string, text: `退回 ${t.number} 不归我们管` });

    expect(to(returned, '张伟')[0]?.text).toContain(`请改派：「转派 ${t.number} 单位 理由」`);
    expect((await ticket(app, t.number)).assignees).toEqual(['张伟']);
    // the grid worker is no dispatcher, yet he holds the ticket and may re-route it
    await exchange(app, { from: '张伟', text: `转派 ${t.number} 住建 小区道路归住建` });
    expect(await ticket(app, t.number)).toMatchObject({
      status: 'open',
      body: 'housing',
      assignees: ['张伟', '蒋工'],
    });
  });

  it('refuses 退回 without a reason with the usage, and by someone who does not handle it', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    const bare = await exchange(app, { from: '魏经理', text: `退回 ${t.number}` });
    expect(bare[0]?.text).toContain('格式：退回 N 理由');
    await expectRefused(app, t.number, { from: '蒋工', text: `退回 ${t.number} 不归我们` }, /办理人/);
  });

  it('吹哨 calls bodies into a joint ticket; each liaison is asked to 报到, and the grid worker hears the reports', async () => {
    const t = await report(app, '陈大爷', GROUP_2, ROOF_LEAK);
    const called = await exchange(app, {
      from: '王芳',
      room: STAFF_GROUP,
      text: `吹哨 ${t.number} 城管 园林`,
      mention: true,
    });

    const joint = await ticket(app, t.number);
    expect(joint.jointBodies.map((j) => [j.body, j.name, j.liaison, j.reportedAt])).toEqual([
      ['urban_mgmt', '区城市管理综合执法局明德中队', '冯志强', null],
      ['landscaping', '区园林绿化局', '华科员', null],
    ]);
    expect(to(called, '冯志强')[0]?.text).toContain(`报到 ${t.number}`);
    expect(to(called, '华科员')).toHaveLength(1);
    expect((await app.tickets.events(t.number)).at(-1)?.type).toBe('whistle_called');

    const reported = await exchange(app, { from: '冯志强', text: `报到 ${t.number}` });
    expect((await ticket(app, t.number)).jointBodies[0]?.reportedAt).not.toBeNull();
    expect(to(reported, '王芳')[0]?.text).toContain('冯志强');
    expect((await app.tickets.events(t.number)).at(-1)?.type).toBe('whistle_reported');
    await expectRefused(app, t.number, { from: '冯志强', text: `报到 ${t.number}` }, /报到过/);
    await expectRefused(app, t.number, { from: '韩警官', text: `报到 ${t.number}` }, /没有被召集/);
  });

  it('refuses 吹哨 by a grid worker of another grid and 报到 by a resident', async () => {
    const t = await report(app, '陈大爷', GROUP_2, ROOF_LEAK);
    await expectRefused(app, t.number, { from: '李明', text: `吹哨 ${t.number} 城管` }, /本网格/);
    await expectRefused(app, t.number, { from: '陈大爷', text: `报到 ${t.number}` }, /工作人员/);
  });

  it('查询 N shows staff in scope the full history with actors, privately; others are refused', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    await exchange(app, { from: '李明', text: `接单 ${t.number}` });
    const sent = await exchange(app, { from: '赵红梅', room: STAFF_GROUP, text: `查询 ${t.number}` });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe('赵红梅');
    expect(sent[0]?.text).toContain('王阿姨');
    expect(sent[0]?.text).toContain('李明 接单');
    await expectRefused(app, t.number, { from: '张伟', text: `查询 ${t.number}` }, /范围/);
    await expectRefused(app, t.number, { from: '王阿姨', text: `查询 ${t.number}` }, /工作人员/);
  });

  it('查楼 lists a building’s tickets for supervisors only', async () => {
    const t = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    const sent = await exchange(app, { from: '刘桂兰', text: '查楼 3号楼' });
    expect(sent[0]?.to).toBe('刘桂兰');
    expect(sent[0]?.text).toContain(`#${t.number}`);
    await expectRefused(app, t.number, { from: '李明', text: '查楼 3' }, /工作人员/);
  });

  it('我的工单 of staff lists their open tickets privately; the dispatcher also sees returned ones', async () => {
    const a = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    const b = await report(app, '陈大爷', GROUP_2, ROOF_LEAK);
    await exchange(app, { from: '蒋工', text: `退回 ${b.number} 屋面属个人维修` });
    const sent = await exchange(app, { from: '李明', room: STAFF_GROUP, text: '我的工单' });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe('李明');
    expect(sent[0]?.text).toContain(`#${a.number}`);
    expect(sent[0]?.text).toContain('待改派');
    expect(sent[0]?.text).toContain(`#${b.number}`);
  });

  it('认领: a party member claims a volunteer-suitable ticket and joins its assignees; not an elevator', async () => {
    const t = await report(app, '王阿姨', GROUP_1, '5号楼楼道里堆满了垃圾，好几天没人清理了');
    expect(t.category).toBe('sanitation');
    const sent = await exchange(app, { from: '杨帆', text: `认领 ${t.number}` });
    expect((await ticket(app, t.number)).assignees).toContain('杨帆');
    expect(to(sent, '李明')[0]?.text).toContain('杨帆');
    expect((await app.tickets.events(t.number)).at(-1)?.type).toBe('claimed');

    const lift = await report(app, '王阿姨', GROUP_1, ELEVATOR);
    await expectRefused(app, lift.number, { from: '杨帆', text: `认领 ${lift.number}` }, /不适合/);
    await expectRefused(app, t.number, { from: '李明', text: `认领 ${t.number}` }, /工作人员/);
    await expectRefused(app, t.number, { from: '杨帆', text: `退回 ${t.number} 不归我管` }, /./);
    await expectRefused(app, t.number, { from: '杨帆', text: `转派 ${t.number} 城管 不归我管` }, /./);
  });
});
