import { describe, expect, it } from 'vitest';
import { planTimers } from '../../../../src/sla/timers/plan-timers.js';
import { deadlineKey, whistleKey } from '../../../../src/sla/timers/timer-marks.js';
import { blockedDetail } from '../../../../src/tickets/blockers.js';
import { emergencyCheckDetail } from '../../../../src/tickets/emergency-check.js';
import { created, ctx, events, t, ticket } from './builders.js';

const respondKey = deadlineKey('respond', t('2026-11-30 11:00'));
const resolveKey = deadlineKey('resolve', t('2026-12-01 09:00'));

describe('planTimers: reminders', () => {
  it('reminds of the response deadline from its lead time (30 min for urgent) until the deadline', () => {
    expect(planTimers(ticket(), created, t('2026-11-30 10:29'), ctx)).toEqual({
      due: [],
      next: t('2026-11-30 10:30'),
    });

    const plan = planTimers(ticket(), created, t('2026-11-30 10:30'), ctx);

    expect(plan.due).toEqual([{ kind: 'remind', deadline: 'respond', at: t('2026-11-30 11:00') }]);
  });

  it('reminds once: a reminded mark for the same deadline stops it', () => {
    const log = events(
      { type: 'created', at: t('2026-11-30 09:00') },
      { type: 'reminded', at: t('2026-11-30 10:30'), detail: `${respondKey} → 李明, 魏经理` },
    );

    expect(planTimers(ticket(), log, t('2026-11-30 10:45'), ctx)).toEqual({
      due: [],
      next: t('2026-11-30 11:00'),
    });
  });

  it('skips a reminder whose deadline has passed and marks the ticket overdue instead', () => {
    const plan = planTimers(ticket(), created, t('2026-11-30 11:00'), ctx);

    expect(plan.due).toEqual([
      { kind: 'overdue', deadline: 'respond', at: t('2026-11-30 11:00'), notifyAssignees: false },
    ]);
  });

  it('reminds again for a moved deadline (a new key)', () => {
    const log = events(
      { type: 'created', at: t('2026-11-30 09:00') },
      { type: 'reminded', at: t('2026-12-01 08:30'), detail: resolveKey },
    );
    const moved = ticket({
      status: 'accepted',
      respondedAt: t('2026-11-30 09:30'),
      resolveBy: t('2026-12-02 09:00'),
    });

    const plan = planTimers(moved, log, t('2026-12-02 08:40'), ctx);

    expect(plan.due).toEqual([{ kind: 'remind', deadline: 'resolve', at: t('2026-12-02 09:00') }]);
  });
});

describe('planTimers: overdue and the escalation ladder', () => {
  const late = events(
    { type: 'created', at: t('2026-11-30 09:00') },
    { type: 'reminded', at: t('2026-11-30 10:30'), detail: respondKey },
    { type: 'overdue', at: t('2026-11-30 11:00'), detail: `${respondKey} passed` },
  );

  it('escalates to the grid party branch secretary at once after the overdue mark', () => {
    const plan = planTimers(ticket({ overdue: true }), late, t('2026-11-30 11:00'), ctx);

    expect(plan.due).toEqual([
      {
        kind: 'escalate',
        deadline: 'respond',
        at: t('2026-11-30 11:00'),
        rung: { level: 1, person: '赵红梅', title: '第一网格党支部书记' },
      },
    ]);
  });

  it('climbs one level per interval (1 h for urgent), never the same level twice', () => {
    const log = [
      ...late,
      ...events({ type: 'escalated', at: t('2026-11-30 11:00') }).map((e) => ({ ...e, seq: 4 })),
    ];
    const atLevel1 = ticket({ overdue: true, escalationLevel: 1 });

    expect(planTimers(atLevel1, log, t('2026-11-30 11:59'), ctx)).toEqual({
      due: [],
      next: t('2026-11-30 12:00'),
    });
    expect(planTimers(atLevel1, log, t('2026-11-30 12:00'), ctx).due).toEqual([
      expect.objectContaining({
        kind: 'escalate',
        rung: { level: 2, person: '刘桂兰', title: '社区党委书记' },
      }),
    ]);
    expect(
      planTimers(ticket({ overdue: true, escalationLevel: 2 }), log, t('2026-11-30 12:00'), ctx).due,
    ).toEqual([
      expect.objectContaining({ kind: 'escalate', rung: { level: 3, person: '郑海', title: '街道办科长' } }),
    ]);
  });

  it('stops at the top of the ladder', () => {
    const plan = planTimers(ticket({ overdue: true, escalationLevel: 3 }), late, t('2026-11-30 20:00'), ctx);

    expect(plan.due).toEqual([]);
    expect(plan.next).toEqual(t('2026-12-01 08:30'));
  });

  it('tells the assignees itself when the ladder is used up', () => {
    const plan = planTimers(ticket({ escalationLevel: 3 }), created, t('2026-11-30 11:00'), ctx);

    expect(plan.due).toEqual([expect.objectContaining({ kind: 'overdue', notifyAssignees: true })]);
  });

  it('paces a normal ticket by working days: no step during the National Day holiday', () => {
    const normal = ticket({
      urgency: 'normal',
      overdue: true,
      escalationLevel: 1,
      respondBy: t('2026-09-30 10:00'),
      resolveBy: t('2026-10-20 10:00'),
    });
    const key = deadlineKey('respond', t('2026-09-30 10:00'));
    const log = events(
      { type: 'created', at: t('2026-09-29 10:00') },
      { type: 'overdue', at: t('2026-09-30 10:00'), detail: key },
      { type: 'escalated', at: t('2026-09-30 10:00') },
    );

    expect(planTimers(normal, log, t('2026-10-07 23:59'), ctx)).toEqual({
      due: [],
      next: t('2026-10-08 10:00'),
    });
  });

  it('lets a reply (accepted) stop the response lateness', () => {
    const accepted = ticket({
      status: 'accepted',
      respondedAt: t('2026-11-30 11:30'),
      overdue: true,
      escalationLevel: 1,
    });

    expect(planTimers(accepted, late, t('2026-11-30 15:00'), ctx)).toEqual({
      due: [],
      next: t('2026-12-01 08:30'),
    });
  });
});

describe('planTimers: waiting for the resident', () => {
  const resolved = ticket({
    status: 'resolved',
    respondedAt: t('2026-11-30 10:00'),
    resolvedAt: t('2026-11-30 16:00'),
  });

  it('runs no deadline while resolved, only the 48 h confirmation wait', () => {
    expect(planTimers(resolved, created, t('2026-12-02 15:59'), ctx)).toEqual({
      due: [],
      next: t('2026-12-02 16:00'),
    });
    expect(planTimers(resolved, created, t('2026-12-02 16:00'), ctx).due).toEqual([
      { kind: 'timeout_close', resolvedAt: t('2026-11-30 16:00') },
    ]);
  });

  it('resumes the deadlines of a reopened ticket first, once', () => {
    const log = events(
      { type: 'created', at: t('2026-11-30 09:00') },
      { type: 'resolve', at: t('2026-11-30 16:00') },
      { type: 'reject', at: t('2026-11-30 18:00') },
    );
    const reopened = ticket({
      status: 'accepted',
      respondedAt: t('2026-11-30 10:00'),
      resolvedAt: t('2026-11-30 16:00'),
    });

    expect(planTimers(reopened, log, t('2026-11-30 18:00'), ctx).due).toEqual([
      { kind: 'resume', pausedFrom: t('2026-11-30 16:00'), resumedAt: t('2026-11-30 18:00') },
    ]);
    const done = { ...reopened, deadlinesResumedAt: t('2026-11-30 18:00') };
    expect(planTimers(done, log, t('2026-11-30 18:00'), ctx).due).toEqual([]);
  });
});

describe('planTimers: 吹哨 report deadlines', () => {
  const called = t('2026-11-30 14:00');
  const joint = ticket({
    status: 'accepted',
    respondedAt: t('2026-11-30 10:00'),
    jointBodies: [
      {
        body: 'urban_mgmt',
        name: '区城市管理综合执法局明德中队',
        liaison: '冯志强',
        calledAt: called,
        reportedAt: null,
      },
      {
        body: 'housing',
        name: '区住房和城乡建设局',
        liaison: '蒋工',
        calledAt: called,
        reportedAt: t('2026-11-30 14:10'),
      },
    ],
  });

  it('reminds a body that has not reported at its deadline, and escalates one span later', () => {
    expect(planTimers(joint, created, t('2026-11-30 14:29'), ctx)).toEqual({
      due: [],
      next: t('2026-11-30 14:30'),
    });
    expect(planTimers(joint, created, t('2026-11-30 14:30'), ctx).due).toEqual([
      expect.objectContaining({ kind: 'whistle_remind', reportBy: t('2026-11-30 14:30') }),
    ]);
    const reminded = events(
      { type: 'created', at: t('2026-11-30 09:00') },
      {
        type: 'whistle_overdue',
        at: t('2026-11-30 14:30'),
        detail: whistleKey('reminder', 'urban_mgmt', called),
      },
    );
    expect(planTimers(joint, reminded, t('2026-11-30 15:00'), ctx).due).toEqual([
      expect.objectContaining({
        kind: 'whistle_escalate',
        body: expect.objectContaining({ body: 'urban_mgmt' }),
      }),
    ]);
  });
});

describe('planTimers: a blocker (卡点) stops the resolution clock', () => {
  const accepted = ticket({
    status: 'accepted',
    respondedAt: t('2026-11-30 09:30'),
    resolveBy: t('2026-12-01 09:00'),
  });
  const blocked = events(
    { type: 'created', at: t('2026-11-30 09:00') },
    { type: 'accept', at: t('2026-11-30 09:30') },
    {
      type: 'blocked',
      at: t('2026-11-30 10:00'),
      detail: blockedDetail({ reason: 'money', note: '基金待批' }),
    },
  );

  it('no reminder, overdue mark or escalation of the resolution deadline while it stands', () => {
    expect(planTimers(accepted, blocked, t('2026-12-03 09:00'), ctx)).toEqual({ due: [], next: null });
  });

  it('the deadline runs again once it is cleared', () => {
    const cleared = events(...blocked, { type: 'unblocked', at: t('2026-12-02 09:00') });
    const plan = planTimers(accepted, cleared, t('2026-12-03 09:00'), ctx);
    expect(plan.due).toContainEqual(
      expect.objectContaining({ kind: 'overdue', deadline: 'resolve', at: t('2026-12-01 09:00') }),
    );
  });
});

describe('planTimers: an emergency check nobody takes', () => {
  const check = events(
    { type: 'created', at: t('2026-11-30 09:00') },
    {
      type: 'emergency_check',
      at: t('2026-11-30 09:00'),
      detail: emergencyCheckDetail({ asked: ['李明', '刘桂兰'] }),
    },
  );
  const step = { kind: 'check_unanswered', askedAt: t('2026-11-30 09:00'), asked: ['李明', '刘桂兰'] };

  it('is due 15 minutes after it was asked for, and planned for then before', () => {
    expect(planTimers(ticket(), check, t('2026-11-30 09:10'), ctx).next).toEqual(t('2026-11-30 09:15'));
    expect(planTimers(ticket(), check, t('2026-11-30 09:15'), ctx).due).toEqual([step]);
  });

  it('is not owed once someone answered, once it was taken, after an all-clear, or twice', () => {
    const at = t('2026-11-30 09:20');
    expect(planTimers(ticket({ respondedAt: t('2026-11-30 09:05') }), check, at, ctx).due).toEqual([]);
    expect(planTimers(ticket({ status: 'accepted' }), check, at, ctx).due).toEqual([]);
    const cleared = events(...check, { type: 'all_clear', at: t('2026-11-30 09:10') });
    expect(planTimers(ticket(), cleared, at, ctx).due).toEqual([]);
    const alerted = events(...check, { type: 'check_unanswered', at: t('2026-11-30 09:15') });
    expect(planTimers(ticket(), alerted, at, ctx).due).toEqual([]);
  });

  it('is not owed by a ticket opened without a check', () => {
    expect(planTimers(ticket(), created, t('2026-11-30 09:20'), ctx).due).toEqual([]);
  });
});
