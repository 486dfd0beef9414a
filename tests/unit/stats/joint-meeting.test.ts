import { describe, expect, it } from 'vitest';
import { jointMeetingAgenda } from '../../../src/stats/joint-meeting.js';
import type { JointBody, Ticket, TicketEvent } from '../../../src/tickets/ticket.js';
import { at, ticket } from './builders.js';

const WEEK = { from: at('11-30 00:00'), to: at('12-07 00:00') };
const NOW = at('12-03 12:00');
const police = (calledAt: Date): JointBody => ({
  body: 'police',
  name: '明德派出所',
  liaison: '韩警官',
  calledAt,
  reportedAt: null,
});

function agenda(tickets: Ticket[], events = new Map<number, TicketEvent[]>()) {
  return jointMeetingAgenda(tickets, events, WEEK, NOW);
}

describe('jointMeetingAgenda', () => {
  it('lists the joint tickets called this week, and the older ones still in hand, oldest call first', () => {
    const closedThisWeek = ticket(1, {
      status: 'closed',
      respondedAt: at('12-01 09:10'),
      jointBodies: [police(at('12-02 10:00'))],
    });
    const openFromLastWeek = ticket(2, {
      status: 'accepted',
      createdAt: at('11-20 09:00'),
      respondedAt: at('11-20 09:30'),
      resolveBy: at('12-20 09:00'),
      jointBodies: [police(at('11-21 10:00')), { ...police(at('11-25 10:00')), body: 'housing' }],
    });
    const closedLastWeek = ticket(3, {
      status: 'closed',
      createdAt: at('11-20 09:00'),
      jointBodies: [police(at('11-21 10:00'))],
    });
    const notJoint = ticket(4, { status: 'accepted', respondedAt: at('12-01 09:10') });
    const merged = ticket(5, { status: 'merged', jointBodies: [police(at('12-02 10:00'))] });

    const { joint } = agenda([closedThisWeek, openFromLastWeek, closedLastWeek, notJoint, merged]);

    expect(joint.map((j) => [j.ticket.number, j.firstCalledAt])).toEqual([
      [2, at('11-21 10:00')],
      [1, at('12-02 10:00')],
    ]);
  });

  it('lists as stuck the tickets owed work past a deadline or escalated, longest overdue first', () => {
    const lateResponse = ticket(1, { respondBy: at('12-02 09:00') });
    const lateResolution = ticket(2, {
      status: 'accepted',
      respondedAt: at('12-01 10:00'),
      resolveBy: at('12-03 11:00'),
    });
    const escalatedButBackInTime = ticket(3, {
      status: 'accepted',
      respondedAt: at('12-01 10:00'),
      escalationLevel: 1,
      overdue: true,
    });
    const onTime = ticket(4, { status: 'accepted', respondedAt: at('12-01 10:00') });
    const resolvedLate = ticket(5, { status: 'resolved', respondBy: at('12-01 10:00'), overdue: true });

    const { stuck } = agenda([lateResponse, lateResolution, escalatedButBackInTime, onTime, resolvedLate]);

    expect(stuck.map((s) => [s.ticket.number, s.overdueMs])).toEqual([
      [1, 27 * 3_600_000],
      [2, 3_600_000],
      [3, null],
    ]);
  });

  it('is empty for a quiet week', () => {
    expect(agenda([ticket(1, { status: 'closed' })])).toEqual({ joint: [], stuck: [] });
  });
});
