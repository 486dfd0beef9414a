import { describe, expect, it } from 'vitest';
import type { Category, Urgency } from '../../../src/labels/labels.js';
import {
  computeDeadlines,
  type DeadlineSettings,
  isOverdue,
  pausedDeadline,
  reminderAt,
} from '../../../src/sla/deadlines.js';
import { chineseWorkingCalendar } from '../../../src/sla/working-calendar.js';
import { at, toChinaIso } from './china-time.js';

// the defaults of shared/spec/fixture-community.md and directory/xingfuli.yaml
const SETTINGS: DeadlineSettings = {
  emergency: { respond: '15m', resolve: '24h' },
  urgent: { respond: '2h', resolve: '24h' },
  normal: { respond: '24h', resolve: '7d' },
  by_category: {},
  whistle_report: '30m',
  confirmation_wait: '48h',
  quiet_hours: '22:00-07:30',
};

function deadlinesFor(
  createdAt: string,
  urgency: Urgency,
  category: Category = 'building_repair',
  settings = SETTINGS,
) {
  const { respondBy, resolveBy } = computeDeadlines(
    { createdAt: at(createdAt), urgency, category },
    settings,
    chineseWorkingCalendar,
  );
  return { respondBy: toChinaIso(respondBy), resolveBy: toChinaIso(resolveBy) };
}

describe('computeDeadlines', () => {
  it('gives a normal ticket raised on Friday afternoon a Monday response deadline', () => {
    expect(deadlinesFor('2026-03-13T15:30:00+08:00', 'normal')).toEqual({
      respondBy: '2026-03-16T15:30:00+08:00',
      resolveBy: '2026-03-24T15:30:00+08:00',
    });
  });

  it('counts working days over National Day 2026, with the make-up Saturday', () => {
    expect(deadlinesFor('2026-09-30T10:00:00+08:00', 'normal')).toEqual({
      respondBy: '2026-10-08T10:00:00+08:00',
      resolveBy: '2026-10-15T10:00:00+08:00',
    });
  });

  it('treats a ticket without urgency as normal', () => {
    expect(deadlinesFor('2026-09-30T10:00:00+08:00', 'none')).toEqual(
      deadlinesFor('2026-09-30T10:00:00+08:00', 'normal'),
    );
  });

  it('counts clock hours for urgent tickets, weekends and holidays included', () => {
    expect(deadlinesFor('2026-10-03T23:00:00+08:00', 'urgent')).toEqual({
      respondBy: '2026-10-04T01:00:00+08:00',
      resolveBy: '2026-10-04T23:00:00+08:00',
    });
  });

  it('counts clock minutes for emergencies on a Saturday night', () => {
    expect(deadlinesFor('2026-03-14T23:50:00+08:00', 'emergency')).toEqual({
      respondBy: '2026-03-15T00:05:00+08:00',
      resolveBy: '2026-03-15T23:50:00+08:00',
    });
  });

  it("applies a category's override to the urgency it names and keeps the other default", () => {
    const settings: DeadlineSettings = {
      ...SETTINGS,
      by_category: { elevator: { normal: { respond: '4h' } }, water_supply: { urgent: { resolve: '12h' } } },
    };

    expect(deadlinesFor('2026-03-13T15:30:00+08:00', 'normal', 'elevator', settings)).toEqual({
      respondBy: '2026-03-13T19:30:00+08:00',
      resolveBy: '2026-03-24T15:30:00+08:00',
    });
    expect(deadlinesFor('2026-03-13T15:30:00+08:00', 'urgent', 'water_supply', settings)).toEqual({
      respondBy: '2026-03-13T17:30:00+08:00',
      resolveBy: '2026-03-14T03:30:00+08:00',
    });
    expect(deadlinesFor('2026-03-13T15:30:00+08:00', 'urgent', 'elevator', settings)).toEqual(
      deadlinesFor('2026-03-13T15:30:00+08:00', 'urgent'),
    );
  });

  it('counts an overridden normal deadline in working time too', () => {
    const settings: DeadlineSettings = {
      ...SETTINGS,
      by_category: { elevator: { normal: { respond: '4h' } } },
    };

    expect(deadlinesFor('2026-03-13T22:00:00+08:00', 'normal', 'elevator', settings).respondBy).toBe(
      '2026-03-16T02:00:00+08:00',
    );
  });

  it('throws AppError CONFIG_INVALID for a duration the schema would refuse', () => {
    const settings: DeadlineSettings = {
      ...SETTINGS,
      by_category: { noise: { normal: { respond: 'soon' } } },
    };

    expect(() => deadlinesFor('2026-03-13T15:30:00+08:00', 'normal', 'noise', settings)).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });
});

describe('pausedDeadline', () => {
  const pause = (deadline: string, from: string, to: string, urgency: Urgency) =>
    toChinaIso(pausedDeadline(at(deadline), at(from), at(to), urgency, chineseWorkingCalendar));

  it('extends a working-day deadline by the working time spent waiting', () => {
    expect(
      pause('2026-03-10T10:00:00+08:00', '2026-03-09T14:00:00+08:00', '2026-03-09T18:00:00+08:00', 'normal'),
    ).toBe('2026-03-10T14:00:00+08:00');
  });

  it('does not count weekend waiting against a working-day deadline', () => {
    expect(
      pause('2026-03-16T15:00:00+08:00', '2026-03-13T16:00:00+08:00', '2026-03-16T10:00:00+08:00', 'normal'),
    ).toBe('2026-03-17T09:00:00+08:00');
    expect(
      pause('2026-03-17T15:00:00+08:00', '2026-03-14T10:00:00+08:00', '2026-03-15T10:00:00+08:00', 'normal'),
    ).toBe('2026-03-17T15:00:00+08:00');
  });

  it('extends a clock deadline by the clock time spent waiting, holidays included', () => {
    expect(
      pause('2026-10-02T12:00:00+08:00', '2026-10-02T10:30:00+08:00', '2026-10-02T11:00:00+08:00', 'urgent'),
    ).toBe('2026-10-02T12:30:00+08:00');
  });

  it('leaves a deadline that had passed before the pause, and an empty pause, alone', () => {
    expect(
      pause('2026-10-02T12:00:00+08:00', '2026-10-02T13:00:00+08:00', '2026-10-02T15:00:00+08:00', 'urgent'),
    ).toBe('2026-10-02T12:00:00+08:00');
    expect(
      pause('2026-03-10T10:00:00+08:00', '2026-03-09T14:00:00+08:00', '2026-03-09T14:00:00+08:00', 'normal'),
    ).toBe('2026-03-10T10:00:00+08:00');
  });
});

describe('reminderAt', () => {
  it('reminds 5 minutes, 30 minutes and 4 hours before emergency, urgent and normal deadlines', () => {
    const deadline = at('2026-03-16T15:30:00+08:00');

    expect(toChinaIso(reminderAt(deadline, 'emergency'))).toBe('2026-03-16T15:25:00+08:00');
    expect(toChinaIso(reminderAt(deadline, 'urgent'))).toBe('2026-03-16T15:00:00+08:00');
    expect(toChinaIso(reminderAt(deadline, 'normal'))).toBe('2026-03-16T11:30:00+08:00');
    expect(toChinaIso(reminderAt(deadline, 'none'))).toBe('2026-03-16T11:30:00+08:00');
  });
});

describe('isOverdue', () => {
  const deadline = at('2026-03-16T15:30:00+08:00');

  it('is overdue only once the deadline has passed', () => {
    expect(isOverdue(deadline, at('2026-03-16T15:30:01+08:00'))).toBe(true);
    expect(isOverdue(deadline, at('2026-03-16T15:30:00+08:00'))).toBe(false);
    expect(isOverdue(deadline, at('2026-03-16T07:30:00Z'))).toBe(false);
  });

  it('is never overdue without a deadline', () => {
    expect(isOverdue(null, at('2030-01-01T00:00:00+08:00'))).toBe(false);
  });
});
