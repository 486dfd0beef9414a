import { describe, expect, it } from 'vitest';
import { computeRates, computeRatesBy, type Rates } from '../../../src/stats/rates.js';
import type { Ticket, TicketEvent } from '../../../src/tickets/ticket.js';
import { at, log, resolvedTicket, ticket } from './builders.js';

const WEEK = { from: at('11-30 00:00'), to: at('12-07 00:00') };
const NOW = at('12-03 12:00');

function rates(entries: Array<{ ticket: Ticket; events?: TicketEvent[] }>, now = NOW): Rates {
  return computeRates({
    tickets: entries.map((e) => e.ticket),
    events: new Map(entries.map((e) => [e.ticket.number, e.events ?? []])),
    ...WEEK,
    now,
  });
}

const ratioOf = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: numerator / denominator,
});
const NONE = { numerator: 0, denominator: 0, value: null };

describe('computeRates', () => {
  it('gives null, not 100%, for every rate when nothing was counted', () => {
    const r = rates([]);

    expect(r.received).toBe(0);
    for (const key of [
      'responseRate',
      'onTimeResponseRate',
      'resolutionRate',
      'onTimeResolutionRate',
      'confirmedResolutionRate',
      'satisfactionRate',
      'reopenRate',
      'recurrenceRate',
      'returnRate',
      'whistleRate',
    ] as const) {
      expect(r[key]).toEqual(NONE);
    }
  });

  it('counts open tickets past respondBy against the on-time response rate, and not-yet-due ones nowhere', () => {
    const onTime = ticket(1, { status: 'accepted' });
    const late = ticket(2, { status: 'accepted' });
    const overdueOpen = ticket(3);
    const notDue = ticket(4, { createdAt: at('12-03 10:00'), respondBy: at('12-04 10:00') });

    const r = rates([
      { ticket: onTime, events: log(1, ['created', onTime.createdAt], ['accept', at('12-01 10:00')]) },
      { ticket: late, events: log(2, ['created', late.createdAt], ['accept', at('12-02 12:00')]) },
      { ticket: overdueOpen },
      { ticket: notDue },
    ]);

    expect(r.received).toBe(4);
    expect(r.accepted).toBe(2);
    expect(r.responseRate).toEqual(ratioOf(2, 4));
    expect(r.onTimeResponseRate).toEqual(ratioOf(1, 3));
    expect(r.openOverdue).toBe(1);
    expect(r.overdue).toBe(2);
  });

  it('reads the response time from the ticket when the log has no accept event', () => {
    const r = rates([{ ticket: ticket(1, { status: 'accepted', respondedAt: at('12-01 09:30') }) }]);

    expect(r.onTimeResponseRate).toEqual(ratioOf(1, 1));
  });

  it('takes an answer in the group before 接单 as the response, and 接单 when it came first', () => {
    // respondBy is 12-02 09:00: answered in the group on time, accepted a day late
    const answeredFirst = ticket(1, { status: 'accepted', respondedAt: at('12-01 10:00') });
    const acceptedFirst = ticket(2, { status: 'accepted', respondedAt: at('12-02 12:00') });

    const r = rates([
      {
        ticket: answeredFirst,
        events: log(
          1,
          ['created', answeredFirst.createdAt],
          ['staff_replied', at('12-01 10:00')],
          ['accept', at('12-02 12:00')],
        ),
      },
      {
        ticket: acceptedFirst,
        events: log(2, ['created', acceptedFirst.createdAt], ['accept', at('12-02 12:00')]),
      },
    ]);

    expect(r.onTimeResponseRate).toEqual(ratioOf(1, 2));
  });

  it('counts resolutions and open tickets past resolveBy against on-time resolution', () => {
    const due = at('12-02 09:00');
    const onTime = resolvedTicket(1, at('12-01 09:10'), at('12-01 18:00'), { resolveBy: due });
    const late = resolvedTicket(2, at('12-01 09:10'), at('12-02 18:00'), { resolveBy: due });
    const stillOpen = ticket(3, { status: 'accepted', respondedAt: at('12-01 09:10'), resolveBy: due });
    const fresh = ticket(4, { status: 'accepted', respondedAt: at('12-01 09:10') });

    const r = rates([onTime, late, { ticket: stillOpen }, { ticket: fresh }]);

    expect(r.resolved).toBe(2);
    expect(r.resolutionRate).toEqual(ratioOf(2, 4));
    expect(r.onTimeResolutionRate).toEqual(ratioOf(1, 3));
    expect(r.openOverdue).toBe(1);
  });

  it('counts a timeout and a rejection as unconfirmed, never as satisfied', () => {
    const satisfied = resolvedTicket(1, at('12-01 10:00'), at('12-01 12:00'), {
      status: 'closed',
      confirmation: 'satisfied',
      closedAt: at('12-01 13:00'),
    });
    const timedOut = resolvedTicket(2, at('12-01 10:00'), at('12-01 12:00'), {
      status: 'closed',
      confirmation: 'timeout',
      closedAt: at('12-03 12:00'),
    });
    const awaiting = resolvedTicket(3, at('12-01 10:00'), at('12-02 12:00'));
    const rejected = {
      ticket: ticket(4, {
        status: 'accepted',
        confirmation: 'unsatisfied',
        reopenCount: 1,
        resolvedAt: null,
      }),
      events: log(
        4,
        ['accept', at('12-01 10:00')],
        ['resolve', at('12-01 12:00')],
        ['reject', at('12-01 14:00')],
      ),
    };

    const r = rates([satisfied, timedOut, awaiting, rejected]);

    expect(r.confirmed).toBe(1);
    expect(r.confirmedResolutionRate).toEqual(ratioOf(1, 4));
    expect(r.satisfactionRate).toEqual(ratioOf(1, 2));
    expect(r.reopened).toBe(1);
    expect(r.reopenRate).toEqual(ratioOf(1, 4));
    expect(r.resolved).toBe(3);
  });

  it('counts a recurrence against the closures, even after the recurrence reopened it', () => {
    const kept = resolvedTicket(1, at('12-01 10:00'), at('12-01 12:00'), {
      status: 'closed',
      confirmation: 'satisfied',
      closedAt: at('12-01 13:00'),
    });
    const recurred = {
      ticket: ticket(2, {
        status: 'accepted',
        confirmation: 'satisfied',
        closedAt: at('12-01 13:00'),
        reopenCount: 1,
      }),
      events: log(
        2,
        ['accept', at('12-01 10:00')],
        ['resolve', at('12-01 12:00')],
        ['confirm', at('12-01 13:00')],
        ['recurrence', at('12-02 08:00')],
        ['reopen', at('12-02 08:00')],
      ),
    };

    const r = rates([kept, recurred]);

    expect(r.recurrenceRate).toEqual(ratioOf(1, 2));
    expect(r.confirmedResolutionRate).toEqual(ratioOf(1, 2));
    expect(r.satisfactionRate).toEqual(ratioOf(2, 2));
  });

  it('counts returned and whistled tickets over those received', () => {
    const returned = ticket(1, { status: 'open', returnCount: 1, createdAt: at('12-03 09:00') });
    const whistled = ticket(2, { status: 'accepted', createdAt: at('12-03 09:00') });
    const plain = ticket(3, { createdAt: at('12-03 09:00') });

    const r = rates([
      { ticket: returned },
      {
        ticket: whistled,
        events: log(2, ['accept', at('12-03 09:05')], ['whistle_called', at('12-03 09:10')]),
      },
      { ticket: plain },
    ]);

    expect(r.returnRate).toEqual(ratioOf(1, 3));
    expect(r.whistleRate).toEqual(ratioOf(1, 3));
  });

  it('counts only tickets created in the period, but every open overdue ticket', () => {
    const lastMonth = ticket(1, { createdAt: at('11-20 09:00') });
    const nextWeek = ticket(2, { createdAt: at('12-07 00:00') });
    const closedEarlier = ticket(3, {
      createdAt: at('11-20 09:00'),
      status: 'closed',
      confirmation: 'satisfied',
    });

    const r = rates([{ ticket: lastMonth }, { ticket: nextWeek }, { ticket: closedEarlier }]);

    expect(r.received).toBe(0);
    expect(r.openOverdue).toBe(1);
    expect(r.overdue).toBe(1);
    expect(r.responseRate).toEqual(NONE);
  });

  it('leaves merged tickets out and withdrawn ones out of the rates, counting them apart', () => {
    const r = rates([
      { ticket: ticket(1, { status: 'merged', mergedInto: 3 }) },
      { ticket: ticket(2, { status: 'cancelled' }) },
      { ticket: ticket(3, { status: 'accepted', respondedAt: at('12-01 10:00') }) },
    ]);

    expect(r.received).toBe(1);
    expect(r.cancelled).toBe(1);
    expect(r.responseRate).toEqual(ratioOf(1, 1));
  });

  it('counts a ticket flagged overdue by the deadline scan as breached even if the deadline moved since', () => {
    const t = ticket(1, { status: 'accepted' });

    const r = rates([
      { ticket: t, events: log(1, ['overdue', at('12-02 09:00')], ['accept', at('12-02 10:00')]) },
    ]);

    expect(r.openOverdue).toBe(0);
    expect(r.overdue).toBe(1);
  });

  it('scores formalism by body over the resolutions made in the period', () => {
    const inPeriod = resolvedTicket(1, at('12-01 10:00'), at('12-01 10:05'));
    const resolvedBefore = resolvedTicket(2, at('11-20 10:00'), at('11-20 10:05'), {
      createdAt: at('11-20 09:00'),
      body: 'urban_mgmt',
    });

    const r = rates([inPeriod, resolvedBefore]);

    expect(r.formalism.map((row) => row.key)).toEqual(['property']);
    expect(r.formalism[0]?.signals.quick_close).toBe(1);
  });
});

describe('computeRatesBy', () => {
  const input = () => {
    const tickets = [
      ticket(1, { status: 'accepted', respondedAt: at('12-01 10:00') }),
      ticket(2, { body: 'urban_mgmt', grid: '第三网格', partyBranch: '第三网格党支部' }),
      ticket(3, { body: 'urban_mgmt', grid: null, partyBranch: null, createdAt: at('12-03 11:00') }),
      ticket(4, { body: 'housing', createdAt: at('10-01 09:00'), status: 'closed' }),
    ];
    return { tickets, events: new Map<number, TicketEvent[]>(), ...WEEK, now: NOW };
  };

  it('splits the figures by body, leaving out bodies with nothing in the period', () => {
    const byBody = computeRatesBy(input(), 'body');

    expect([...byBody.keys()]).toEqual(['property', 'urban_mgmt']);
    expect(byBody.get('property')?.responseRate).toEqual(ratioOf(1, 1));
    expect(byBody.get('urban_mgmt')).toMatchObject({ received: 2, openOverdue: 1 });
    expect(byBody.get('urban_mgmt')?.onTimeResponseRate).toEqual(ratioOf(0, 1));
  });

  it('splits by grid and by party branch, with tickets lacking one under none', () => {
    const byGrid = computeRatesBy(input(), 'grid');
    const byBranch = computeRatesBy(input(), 'party_branch');

    expect([...byGrid].map(([k, r]) => [k, r.received])).toEqual([
      ['none', 1],
      ['第一网格', 1],
      ['第三网格', 1],
    ]);
    expect(byBranch.get('第三网格党支部')?.openOverdue).toBe(1);
    expect(byBranch.has('none')).toBe(true);
  });
});
