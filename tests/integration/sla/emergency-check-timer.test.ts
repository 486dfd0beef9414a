import { afterEach, describe, expect, it } from 'vitest';
import { type ClockedApp, GROUP, privateTo, startClockedApp } from './timers-helpers.js';

// read by the shipped model as a possible emergency it is not sure of (an emergency check): checked below. In
// the middle of the grey zone (P(emergency) about 0.12, a check from 0.04, sure from 0.46), so a retrained
// model keeps it there
const CRACKLING = '4号楼楼道电线老化 一直滋滋响';

const checkAlerts = (app: ClockedApp, name: string) =>
  privateTo(app, name).filter((m) => m.text.startsWith('【紧急核实】'));

describe('an emergency check on the real pipeline: asked of two, the rest alerted when nobody takes it', () => {
  let app: ClockedApp;

  afterEach(async () => {
    await app.stop();
  });

  it('asks the grid worker and the duty supervisor at once, and the other supervisors after 15 minutes unanswered', async () => {
    app = await startClockedApp('2026-11-30 09:00');
    await app.say({ from: '王阿姨', room: GROUP, text: CRACKLING });
    const [check] = await app.events(1, 'emergency_check');
    expect(check?.detail).toBe(JSON.stringify({ asked: ['李明', '刘桂兰'] }));
    expect(checkAlerts(app, '李明')).toHaveLength(1);
    expect(checkAlerts(app, '刘桂兰')).toHaveLength(1);
    expect(checkAlerts(app, '吴晓东')).toEqual([]);
    expect(checkAlerts(app, '郑海')).toEqual([]);

    await app.advance('2026-11-30 09:14');
    expect(await app.events(1, 'check_unanswered')).toEqual([]);

    await app.advance('2026-11-30 09:16');
    const [unanswered] = await app.events(1, 'check_unanswered');
    expect(unanswered?.at).toEqual(new Date('2026-11-30T09:15:00+08:00'));
    for (const name of ['吴晓东', '郑海']) {
      const [alert] = checkAlerts(app, name);
      expect(alert?.text, name).toContain('已请李明、刘桂兰核实，15 分钟内无人接单');
      expect(alert?.sendClass, name).toBe('emergency');
    }

    await app.advance('2026-11-30 10:30');
    expect(await app.events(1, 'check_unanswered')).toHaveLength(1);
    expect(checkAlerts(app, '郑海')).toHaveLength(1);
  });

  it('alerts nobody else when the grid worker takes it in time', async () => {
    app = await startClockedApp('2026-11-30 09:00');
    await app.say({ from: '王阿姨', room: GROUP, text: CRACKLING });
    expect(await app.events(1, 'emergency_check')).toHaveLength(1);
    await app.advance('2026-11-30 09:05');

    await app.say({ from: '李明', room: null, text: '接单 1' });
    expect((await app.tickets.getTicket(1))?.status).toBe('accepted');

    await app.advance('2026-11-30 09:30');
    expect(await app.events(1, 'check_unanswered')).toEqual([]);
    expect(checkAlerts(app, '吴晓东')).toEqual([]);
    expect(checkAlerts(app, '郑海')).toEqual([]);
  });

  it('lets the reporter call the check off in the group: recorded, the checkers told, nobody else alerted', async () => {
    app = await startClockedApp('2026-11-30 09:00');
    await app.say({ from: '王阿姨', room: GROUP, text: CRACKLING });
    await app.advance('2026-11-30 09:04');
    // a neighbour's worry is no all-clear; the reporter's own is
    await app.say({ from: '陈大爷', room: GROUP, text: '没事吧？' });
    await app.say({
      from: '王阿姨',
      room: GROUP,
      text: '没事了没事了 电工师傅来看了 是电表老化 已经换了 虚惊一场',
    });

    const [clear] = await app.events(1, 'all_clear');
    expect(clear).toMatchObject({ actor: '王阿姨' });
    expect(privateTo(app, '李明').at(-1)?.text.slice(0, 4)).toBe('【解除】');
    await app.advance('2026-11-30 10:00');
    expect(await app.events(1, 'check_unanswered')).toEqual([]);
    expect(checkAlerts(app, '吴晓东')).toEqual([]);
    expect(checkAlerts(app, '郑海')).toEqual([]);
  });

  it('opens an ordinary report without a check and without its timer', async () => {
    app = await startClockedApp('2026-11-30 09:00');
    await app.say({ from: '王阿姨', room: GROUP, text: '3号楼2单元的楼道灯坏了好几天了' });

    await app.advance('2026-11-30 10:00');
    expect(await app.events(1, 'emergency_check')).toEqual([]);
    expect(await app.events(1, 'check_unanswered')).toEqual([]);
  });
});
