import { afterEach, describe, expect, it } from 'vitest';
import { toTicketJson } from '../../../src/tickets/ticket-json.js';
import { type ClockedApp, GROUP, privateTo, startClockedApp, t } from './timers-helpers.js';

const ELEVATOR = '3号楼2单元的电梯又坏了，老人下不了楼，今天还要去医院';

describe('deadline timers on the real pipeline (sweep job through BullMQ, SQLite, simulated clock)', () => {
  let app: ClockedApp;

  afterEach(async () => {
    await app.stop();
  });

  it('reminds the assignees once before the response deadline, with #N and the deadline', async () => {
    app = await startClockedApp('2026-11-30 09:00');
    await app.say({ from: '王阿姨', room: GROUP, text: ELEVATOR });
    const [ticket] = await app.tickets.listTickets();
    expect(ticket).toMatchObject({ urgency: 'urgent', respondBy: t('2026-11-30 11:00') });

    await app.advance('2026-11-30 10:35');
    await app.runTimers();
    await app.advance('2026-11-30 10:50');

    expect(await app.events(1, 'reminded')).toHaveLength(1);
    const reminders = privateTo(app, '李明').filter((m) => m.text.startsWith('提醒'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.text).toContain('#1');
    expect(reminders[0]?.text).toContain('请在今天 11:00 前响应');
    expect(privateTo(app, '魏经理').filter((m) => m.text.startsWith('提醒'))).toHaveLength(1);
    expect(await app.events(1, 'escalated')).toEqual([]);
  });

  it('climbs the whole ladder one level at a time: 赵红梅, then 刘桂兰, then 郑海, never a level twice', async () => {
    app = await startClockedApp('2026-11-30 09:00');
    await app.say({ from: '王阿姨', room: GROUP, text: ELEVATOR });

    await app.advance('2026-11-30 11:30');
    expect((await app.tickets.getTicket(1))?.escalationLevel).toBe(1);
    await app.advance('2026-12-01 12:00');

    const escalated = await app.events(1, 'escalated');
    expect(escalated.map((e) => e.detail.slice(0, e.detail.indexOf(':')))).toEqual([
      'level 1 → 赵红梅',
      'level 2 → 刘桂兰',
      'level 3 → 郑海',
    ]);
    expect(escalated.map((e) => e.at)).toEqual([
      t('2026-11-30 11:00'),
      t('2026-11-30 12:00'),
      t('2026-11-30 13:00'),
    ]);
    const ticket = await app.tickets.getTicket(1);
    expect(ticket).toMatchObject({ overdue: true, escalationLevel: 3, status: 'open' });
    expect((await app.events(1, 'overdue')).map((e) => e.detail)).toEqual([
      'respond_by 2026-11-30T11:00:00+08:00 passed',
      'resolve_by 2026-12-01T09:00:00+08:00 passed',
    ]);
    // the branch secretary also heard of the urgent ticket when it opened, once
    expect(privateTo(app, '赵红梅').map((m) => m.text.slice(0, 6))).toEqual(['【网格急件】', '【督办】工单']);
    for (const person of ['赵红梅', '刘桂兰', '郑海']) {
      const notes = privateTo(app, person).filter((m) => !m.text.startsWith('【网格急件】'));
      expect(notes).toHaveLength(1);
      expect(notes[0]?.text).toMatch(/#1.*超过响应时限.*李明/s);
    }
    expect(privateTo(app, '李明').filter((m) => m.text.includes('超过办结时限'))).toHaveLength(1);
    expect(await app.tickets.verifyAudit()).toMatchObject({ ok: true });
  });

  it('stops the response lateness when the ticket is accepted', async () => {
    app = await startClockedApp('2026-11-30 09:00');
    await app.say({ from: '王阿姨', room: GROUP, text: ELEVATOR });
    await app.advance('2026-11-30 11:10');
    await app.say({ from: '李明', room: null, text: '接单 1' });

    await app.advance('2026-11-30 20:00');

    expect((await app.events(1, 'escalated')).length).toBe(1);
  });

  it('closes a resolution the reporter never answers after 48 h as timeout, and tells the reporter', async () => {
    app = await startClockedApp('2026-11-30 09:00');
    await app.say({ from: '王阿姨', room: GROUP, text: ELEVATOR });
    await app.say({ from: '李明', room: null, text: '接单 1' });
    app.clock.set(t('2026-11-30 10:00'));
    await app.say({ from: '李明', room: null, text: '办结 1 已更换电梯控制板，运行正常' });
    expect((await app.tickets.getTicket(1))?.status).toBe('resolved');

    await app.advance('2026-12-02 09:59');
    expect((await app.tickets.getTicket(1))?.status).toBe('resolved');
    expect(await app.events(1, 'overdue')).toEqual([]);
    await app.advance('2026-12-02 12:00');

    const ticket = await app.tickets.getTicket(1);
    expect(ticket).toMatchObject({
      status: 'closed',
      confirmation: 'timeout',
      closedAt: t('2026-12-02 10:00'),
    });
    const told = app.sent.filter((m) => m.room === GROUP && m.text.includes('未确认'));
    expect(told).toHaveLength(1);
    expect(told[0]?.mentions).toEqual(['王阿姨']);
    expect(told[0]?.text).toContain('#1');
  });

  it('moves resolveBy by the time a rejected resolution waited for the resident', async () => {
    app = await startClockedApp('2026-11-30 09:00');
    await app.say({ from: '王阿姨', room: GROUP, text: ELEVATOR });
    app.clock.set(t('2026-11-30 10:00'));
    await app.say({ from: '李明', room: null, text: '办结 1 已更换电梯控制板，运行正常' });
    app.clock.set(t('2026-11-30 14:00'));
    await app.say({ from: '王阿姨', room: GROUP, text: '不满意 1 电梯还是停在三楼不动' });

    await app.runTimers();
    await app.runTimers();

    const ticket = await app.tickets.getTicket(1);
    expect(ticket).toMatchObject({ status: 'accepted', resolveBy: t('2026-12-01 13:00') });
    expect(await app.events(1, 'deadline_extended')).toHaveLength(1);
  });

  it('reminds a called body that did not report, then escalates it; the JSON shows who reported', async () => {
    app = await startClockedApp('2026-11-30 09:00');
    await app.say({ from: '王阿姨', room: GROUP, text: ELEVATOR });
    await app.say({ from: '李明', room: null, text: '接单 1' });
    app.clock.set(t('2026-11-30 09:10'));
    await app.say({ from: '李明', room: null, text: '吹哨 1 城管 住建' });
    app.clock.set(t('2026-11-30 09:20'));
    await app.say({ from: '蒋工', room: null, text: '报到 1' });

    await app.advance('2026-11-30 09:45');
    const reminders = await app.events(1, 'whistle_overdue');
    expect(reminders.map((e) => e.detail.split(':')[0])).toEqual([
      'reminder urban_mgmt called 2026-11-30T09',
    ]);
    expect(privateTo(app, '冯志强').filter((m) => m.text.startsWith('提醒'))).toHaveLength(1);
    await app.advance('2026-11-30 10:30');

    const overdue = await app.events(1, 'whistle_overdue');
    expect(overdue.map((e) => e.at)).toEqual([t('2026-11-30 09:40'), t('2026-11-30 10:10')]);
    for (const person of ['李明', '刘桂兰']) {
      expect(privateTo(app, person).filter((m) => m.text.startsWith('【吹哨督办】'))).toHaveLength(1);
    }
    expect(privateTo(app, '蒋工').some((m) => m.text.startsWith('提醒'))).toBe(false);
    const ticket = await app.tickets.getTicket(1);
    const json = ticket && toTicketJson(ticket, await app.tickets.events(1));
    expect(json?.joint_bodies.map((j) => [j.body, j.reported_at])).toEqual([
      ['urban_mgmt', null],
      ['housing', '2026-11-30T09:20:00+08:00'],
    ]);
  });
});
