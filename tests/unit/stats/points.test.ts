import { describe, expect, it } from 'vitest';
import { branchResults, memberResults, POINTS, ticketPoints } from '../../../src/stats/points.js';
import type { TicketEvent } from '../../../src/tickets/ticket.js';
import { at, log, ticket } from './builders.js';

const claimedBy = (events: TicketEvent[], who: string, seqAt: number): TicketEvent[] =>
  events.map((e) => (e.seq === seqAt ? { ...e, type: 'claimed', detail: who } : e));

const confirmed = (n: number, overrides = {}) =>
  ticket(n, { status: 'closed', confirmation: 'satisfied', closedAt: at('12-03 10:00'), ...overrides });
const history = (n: number, ...extra: Array<[string, Date]>) =>
  claimedBy(
    log(n, ['created', at('12-01 09:00')], ['x', at('12-01 10:00')], ...extra, [
      'confirm',
      at('12-03 10:00'),
    ]),
    '杨帆',
    2,
  );

describe('points for confirmed results', () => {
  it('gives the base for a confirmed claimed ticket, more for urgent and for one already overdue', () => {
    expect(ticketPoints(confirmed(1), history(1), '杨帆')).toBe(POINTS.confirmed);
    expect(ticketPoints(confirmed(2, { urgency: 'urgent' }), history(2), '杨帆')).toBe(
      POINTS.confirmed + POINTS.urgent,
    );
    const late = claimedBy(
      log(
        3,
        ['created', at('12-01 09:00')],
        ['overdue', at('12-01 09:30')],
        ['x', at('12-01 10:00')],
        ['confirm', at('12-03 10:00')],
      ),
      '杨帆',
      3,
    );
    expect(ticketPoints(confirmed(3), late, '杨帆')).toBe(POINTS.confirmed + POINTS.overdueWhenClaimed);
  });

  it('gives nothing for a ticket not claimed by the member, not confirmed, timed out or recurred', () => {
    expect(ticketPoints(confirmed(1), history(1), '林悦')).toBe(0);
    expect(ticketPoints(confirmed(1, { confirmation: 'timeout' }), history(1), '杨帆')).toBe(0);
    expect(ticketPoints(confirmed(1, { status: 'resolved', confirmation: null }), history(1), '杨帆')).toBe(
      0,
    );
    expect(ticketPoints(confirmed(1), history(1, ['recurrence', at('12-02 09:00')]), '杨帆')).toBe(0);
  });

  it('ranks members and branches on the period’s confirmed results, claimed as the denominator', () => {
    const range = { from: at('12-01 00:00'), to: at('12-08 00:00') };
    const members = [
      { name: '杨帆', branch: '第一网格党支部' },
      { name: '林悦', branch: '第四网格党支部' },
    ];
    const open = ticket(4, { status: 'accepted' });
    const events = new Map([
      [1, history(1)],
      [4, claimedBy(log(4, ['created', at('12-01 09:00')], ['x', at('12-02 09:00')]), '林悦', 2)],
    ]);
    const results = memberResults([confirmed(1), open], events, range, members);
    expect(results.map((r) => [r.name, r.points, r.confirmed, r.claimed])).toEqual([
      ['杨帆', 10, 1, 1],
      ['林悦', 0, 0, 1],
    ]);
    // a confirmation outside the period counts in its own period only
    const later = memberResults(
      [confirmed(1)],
      events,
      { from: at('12-08 00:00'), to: at('12-15 00:00') },
      members,
    );
    expect(later.find((r) => r.name === '杨帆')).toMatchObject({ points: 0, claimed: 0 });
    expect(branchResults(results).map((b) => [b.branch, b.points, b.confirmed, b.claimed])).toEqual([
      ['第一网格党支部', 10, 1, 1],
      ['第四网格党支部', 0, 0, 1],
    ]);
  });
});
