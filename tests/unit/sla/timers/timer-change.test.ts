import { describe, expect, it } from 'vitest';
import { escalationLadder } from '../../../../src/sla/timers/escalation-ladder.js';
import { resumeDeadlines } from '../../../../src/sla/timers/resume-deadlines.js';
import { stepTimersUntil } from '../../../../src/sla/timers/step-timers.js';
import { timerChange } from '../../../../src/sla/timers/timer-change.js';
import { ctx, t, ticket } from './builders.js';

describe('timerChange', () => {
  it('alerts the supervisors not yet asked when an emergency check went untaken, first in the outbox', () => {
    const step = {
      kind: 'check_unanswered' as const,
      askedAt: t('2026-11-30 09:00'),
      asked: ['李明', '刘桂兰'],
    };

    const change = timerChange(ticket(), step, t('2026-11-30 09:15'), ctx);

    expect(change?.event).toMatchObject({ type: 'check_unanswered', detail: '{"to":["吴晓东","郑海"]}' });
    expect(change?.patch).toEqual({});
    expect(change?.outbox?.map((m) => [m.to, m.sendClass])).toEqual([
      ['吴晓东', 'emergency'],
      ['郑海', 'emergency'],
    ]);
    expect(change?.outbox?.[0]?.text).toContain('11月30日 09:00 已请李明、刘桂兰核实，15 分钟内无人接单');
    expect(change?.outbox?.[0]?.text).toContain('#7');
  });

  it('escalates one level: the rung gets who holds it and since when, the assignees a note, all with #N', () => {
    const rung = { level: 1, person: '赵红梅', title: '第一网格党支部书记' };

    const change = timerChange(
      ticket(),
      { kind: 'escalate', deadline: 'respond', at: t('2026-11-30 11:00'), rung },
      t('2026-11-30 11:00'),
      ctx,
    );

    expect(change?.patch).toEqual({ escalationLevel: 1, overdue: true });
    expect(change?.expectStatus).toEqual(['open']);
    expect(change?.event).toMatchObject({ type: 'escalated', actor: '社区哨子' });
    expect(change?.event.detail).toMatch(/^level 1 → 赵红梅: respond_by 2026-11-30T11:00:00\+08:00/);
    expect(change?.outbox?.map((m) => m.to)).toEqual(['赵红梅', '李明', '魏经理']);
    const [toSecretary, toWorker] = change?.outbox ?? [];
    expect(toSecretary?.text).toContain('#7');
    expect(toSecretary?.text).toContain('11月30日 11:00');
    expect(toSecretary?.text).toContain('安居物业（李明、魏经理）');
    expect(toSecretary?.text).toContain('138****5678');
    expect(toSecretary?.text).not.toContain('13812345678');
    expect(toWorker?.text).toContain('#7');
    expect(change?.outbox?.every((m) => m.room === null)).toBe(true);
  });

  it('tells the assignees once: a higher rung is told, the holders are not told again', () => {
    const rung = { level: 2, person: '刘桂兰', title: '社区党委书记' };

    const change = timerChange(
      ticket({ escalationLevel: 1 }),
      { kind: 'escalate', deadline: 'respond', at: t('2026-11-30 11:00'), rung },
      t('2026-11-30 13:00'),
      ctx,
    );

    expect(change?.patch).toEqual({ escalationLevel: 2, overdue: true });
    expect(change?.outbox?.map((m) => m.to)).toEqual(['刘桂兰']);
    expect(change?.outbox?.[0]?.text).toContain('安居物业（李明、魏经理）');
  });

  it('closes a resolved ticket as timeout (never satisfied) and tells the reporter in the group', () => {
    const resolved = ticket({ status: 'resolved', resolvedAt: t('2026-11-30 16:00') });

    const change = timerChange(
      resolved,
      { kind: 'timeout_close', resolvedAt: t('2026-11-30 16:00') },
      t('2026-12-02 16:00'),
      ctx,
    );

    expect(change?.patch).toEqual({
      status: 'closed',
      confirmation: 'timeout',
      closedAt: t('2026-12-02 16:00'),
    });
    expect(change?.event.type).toBe('timeout_close');
    expect(change?.outbox).toEqual([
      expect.objectContaining({ room: '幸福里一区业主群', mentions: ['王阿姨'], mentionIds: ['wxid-wang'] }),
    ]);
    expect(change?.outbox?.[0]?.text).toContain('#7');
    expect(change?.outbox?.[0]?.text).toContain('未确认');
  });

  it('sends a whistle escalation to the grid worker and the community party secretary', () => {
    const body = {
      body: 'urban_mgmt' as const,
      name: '区城市管理综合执法局明德中队',
      liaison: '冯志强',
      calledAt: t('2026-11-30 14:00'),
      reportedAt: null,
    };

    const change = timerChange(
      ticket({ jointBodies: [body] }),
      { kind: 'whistle_escalate', body, reportBy: t('2026-11-30 14:30') },
      t('2026-11-30 15:00'),
      ctx,
    );

    expect(change?.event.type).toBe('whistle_overdue');
    expect(change?.outbox?.map((m) => m.to)).toEqual(['李明', '刘桂兰']);
    expect(change?.outbox?.[0]?.text).toMatch(/#7.*冯志强/s);
  });
});

describe('escalationLadder', () => {
  it('is the grid party branch secretary, then the community party secretary, then the street office', () => {
    expect(escalationLadder(ctx.directory, { grid: '第三网格' }).map((r) => r.person)).toEqual([
      '孙建国',
      '刘桂兰',
      '郑海',
    ]);
    expect(escalationLadder(ctx.directory, { grid: null }).map((r) => r.level)).toEqual([1, 2]);
  });
});

describe('resumeDeadlines', () => {
  it('moves an urgent resolveBy out by the time spent waiting for the resident', () => {
    const resolved = ticket({ resolvedAt: t('2026-11-30 16:00') });

    expect(resumeDeadlines(resolved, t('2026-11-30 18:00'), ctx.calendar)).toEqual({
      resolveBy: t('2026-12-01 11:00'),
      deadlinesResumedAt: t('2026-11-30 18:00'),
    });
  });

  it('moves a normal one by working time only: the holiday days of the wait count for nothing', () => {
    const normal = ticket({
      urgency: 'normal',
      resolveBy: t('2026-10-09 10:00'),
      resolvedAt: t('2026-09-30 10:00'),
    });

    // 14 working hours of 9-30 were waited; the 10-01..10-07 holiday was not working time anyway
    expect(resumeDeadlines(normal, t('2026-10-08 00:00'), ctx.calendar).resolveBy).toEqual(
      t('2026-10-10 00:00'),
    );
  });
});

describe('stepTimersUntil', () => {
  it('stops the clock at every due instant on the way, then sweeps at the target', async () => {
    let now = t('2026-11-30 09:00');
    const dues = [t('2026-11-30 10:30'), t('2026-11-30 11:00')];
    const swept: Date[] = [];
    const clock = { now: () => now, set: (at: Date) => (now = at > now ? at : now) };

    const sweeps = await stepTimersUntil(t('2026-11-30 12:00'), clock, {
      nextTimerAt: async () => dues.find((d) => d > now) ?? null,
      runTimers: async () => {
        swept.push(now);
      },
    });

    expect(swept).toEqual([t('2026-11-30 10:30'), t('2026-11-30 11:00'), t('2026-11-30 12:00')]);
    expect(sweeps).toBe(3);
  });

  it('does not spin on a step that stays due', async () => {
    let now = t('2026-11-30 09:00');
    const clock = { now: () => now, set: (at: Date) => (now = at) };
    let runs = 0;

    await stepTimersUntil(t('2026-11-30 12:00'), clock, {
      nextTimerAt: async () => now,
      runTimers: async () => {
        runs += 1;
      },
    });

    expect(runs).toBe(2);
    expect(now).toEqual(t('2026-11-30 12:00'));
  });
});
