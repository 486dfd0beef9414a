import { afterEach, describe, expect, it } from 'vitest';
import { type ClockedApp, GROUP, privateTo, startClockedApp, t } from './timers-helpers.js';

const ELEVATOR = '3号楼2单元的电梯又坏了，老人下不了楼，今天还要去医院';

describe('a staff member answering the reporter in the group (real pipeline, simulated clock)', () => {
  let app: ClockedApp;

  afterEach(async () => {
    await app.stop();
  });

  it('is the response of a handler: no reminder and no 督办 for the response, the resolution deadline still runs', async () => {
    app = await startClockedApp('2026-11-30 09:00');
    await app.say({ from: '王阿姨', room: GROUP, text: ELEVATOR });
    await app.advance('2026-11-30 09:20');
    const before = app.sent.length;

    await app.say({ from: '魏经理', room: GROUP, text: '@王阿姨 收到，电梯师傅十点前到，先走另一部' });

    expect(app.sent.slice(before)).toEqual([]);
    const [replied] = await app.events(1, 'staff_replied');
    expect(replied).toMatchObject({ actor: '魏经理', detail: '@王阿姨 收到，电梯师傅十点前到，先走另一部' });
    expect(await app.tickets.getTicket(1)).toMatchObject({
      status: 'open',
      respondedAt: t('2026-11-30 09:20'),
    });

    await app.advance('2026-11-30 13:30');
    expect(await app.events(1, 'reminded')).toEqual([]);
    expect(await app.events(1, 'escalated')).toEqual([]);
    expect(privateTo(app, '赵红梅').filter((m) => m.text.startsWith('【督办】'))).toEqual([]);

    // the ticket is still to be fixed: its resolution deadline passes and climbs the ladder as before
    await app.advance('2026-12-01 10:30');
    expect((await app.events(1, 'overdue')).map((e) => e.detail)).toEqual([
      'resolve_by 2026-12-01T09:00:00+08:00 passed',
    ]);
    expect((await app.events(1, 'escalated')).length).toBeGreaterThan(0);
  });

  it('records the words of staff who do not work the ticket without counting them as its response', async () => {
    app = await startClockedApp('2026-11-30 09:00');
    await app.say({ from: '王阿姨', room: GROUP, text: ELEVATOR });

    await app.say({ from: '王芳', room: GROUP, text: '@王阿姨 阿姨别急，我帮您问问一区的物业' });

    expect(await app.events(1, 'staff_replied')).toHaveLength(1);
    expect((await app.tickets.getTicket(1))?.respondedAt).toBeNull();
    await app.advance('2026-11-30 11:30');
    expect(await app.events(1, 'reminded')).toHaveLength(1);
    expect(await app.events(1, 'escalated')).toHaveLength(1);
  });

  it('shows the answer in 进度 to the reporter, with who gave it', async () => {
    app = await startClockedApp('2026-11-30 09:00');
    await app.say({ from: '王阿姨', room: GROUP, text: ELEVATOR });
    await app.say({ from: '李明', room: GROUP, text: '@王阿姨 收到 我这就去3号楼看看' });
    const before = app.sent.length;

    await app.say({ from: '王阿姨', room: GROUP, text: '进度 1' });

    const [progress] = app.sent.slice(before);
    expect(progress?.text).toContain('李明 在群里回复了反映人：@王阿姨 收到 我这就去3号楼看看');
  });
});
