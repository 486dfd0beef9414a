import { describe, expect, it } from 'vitest';
import {
  emptySignalCounts,
  formalismScore,
  formalismSignals,
  SIGNAL_WEIGHTS,
  type SignalName,
} from '../../../src/stats/formalism.js';
import type { Evidence, Ticket, TicketEvent } from '../../../src/tickets/ticket.js';
import { at, log, resolvedTicket, ticket } from './builders.js';

const handlerPhoto: Evidence = { kind: 'photo', ref: 'fix.jpg', at: at('12-02 11:00'), by: '李明' };

/** Resolved a day after acceptance, with a progress note and the handler's photo: no signals at all. */
function clean(number = 1, overrides: Partial<Ticket> = {}): { ticket: Ticket; events: TicketEvent[] } {
  const t = ticket(number, {
    status: 'resolved',
    respondedAt: at('12-01 10:00'),
    resolvedAt: at('12-02 11:00'),
    evidence: [handlerPhoto],
    ...overrides,
  });
  const events = log(
    number,
    ['created', t.createdAt],
    ['accept', at('12-01 10:00')],
    ['progress', at('12-01 15:00')],
    ['resolve', at('12-02 11:00')],
  );
  return { ticket: t, events };
}

const names = (t: Ticket, e: TicketEvent[], options = {}): SignalName[] =>
  formalismSignals(t, e, options).map((s) => s.name);

describe('formalismSignals', () => {
  it('finds nothing in a resolution with a handler photo, a progress note and time to spare', () => {
    const { ticket: t, events } = clean();

    expect(names(t, events)).toEqual([]);
  });

  it('finds nothing in a ticket never declared resolved', () => {
    expect(names(ticket(1, { returnCount: 2 }), [])).toEqual([]);
  });

  it('flags a resolution without any photo', () => {
    const { ticket: t, events } = clean(1, { evidence: [{ ...handlerPhoto, kind: 'text' }] });

    expect(names(t, events)).toEqual(['no_photo_evidence']);
  });

  it("does not take the reporter's own photo of the problem as evidence of the fix", () => {
    const { ticket: t, events } = clean(1, { evidence: [{ ...handlerPhoto, by: '王阿姨' }] });

    expect(names(t, events)).toEqual(['no_photo_evidence']);
  });

  it('flags a resolution minutes after acceptance without a progress note', () => {
    const { ticket: t, events } = resolvedTicket(1, at('12-01 10:00'), at('12-01 10:08'), {
      evidence: [handlerPhoto],
    });

    expect(names(t, events)).toEqual(['quick_close']);
  });

  it('leaves a quick resolution alone when a progress note came first, or when it took longer than the threshold', () => {
    const { ticket: t } = resolvedTicket(1, at('12-01 10:00'), at('12-01 10:08'), {
      evidence: [handlerPhoto],
    });
    const withProgress = log(
      1,
      ['accept', at('12-01 10:00')],
      ['progress', at('12-01 10:04')],
      ['resolve', at('12-01 10:08')],
    );
    const slower = resolvedTicket(2, at('12-01 10:00'), at('12-01 10:11'), { evidence: [handlerPhoto] });

    expect(names(t, withProgress)).toEqual([]);
    expect(names(slower.ticket, slower.events)).toEqual([]);
    expect(names(slower.ticket, slower.events, { quickCloseMs: 15 * 60_000 })).toEqual(['quick_close']);
  });

  it('flags a resolution in the last 5% of the span before resolveBy', () => {
    // created 12-01 09:00, resolveBy 12-08 09:00: 5% of 7 days is 8.4 hours
    const bunched = clean(1, { resolvedAt: at('12-08 01:00') });
    const events = log(
      1,
      ['accept', at('12-01 10:00')],
      ['progress', at('12-01 15:00')],
      ['resolve', at('12-08 01:00')],
    );
    const earlier = log(
      1,
      ['accept', at('12-01 10:00')],
      ['progress', at('12-01 15:00')],
      ['resolve', at('12-07 23:00')],
    );

    expect(names(bunched.ticket, events)).toEqual(['deadline_bunching']);
    expect(names(bunched.ticket, earlier)).toEqual([]);
  });

  it('flags a resolution within the last hour of a short deadline, but not one after the deadline', () => {
    const urgent = { urgency: 'urgent' as const, resolveBy: at('12-01 13:00') };
    const lastHour = log(
      1,
      ['accept', at('12-01 09:10')],
      ['progress', at('12-01 10:00')],
      ['resolve', at('12-01 12:10')],
    );
    const afterDeadline = log(
      1,
      ['accept', at('12-01 09:10')],
      ['progress', at('12-01 10:00')],
      ['resolve', at('12-01 13:10')],
    );
    const { ticket: t } = clean(1, urgent);

    expect(names(t, lastHour)).toEqual(['deadline_bunching']);
    expect(names(t, afterDeadline)).toEqual([]);
  });

  it('flags a closure by timeout, not one the reporter confirmed', () => {
    const timeout = clean(1, { status: 'closed', confirmation: 'timeout' });
    const confirmed = clean(2, { status: 'closed', confirmation: 'satisfied' });

    expect(names(timeout.ticket, timeout.events)).toEqual(['timeout_closure']);
    expect(names(confirmed.ticket, confirmed.events)).toEqual([]);
  });

  it('flags pressing residents for a good rating', () => {
    const { ticket: t, events } = clean();

    expect(names(t, [...events, ...log(1, ['rating_pressure', at('12-02 12:00')])])).toEqual([
      'rating_pressure',
    ]);
  });

  it('flags a ticket returned or transferred twice, not once', () => {
    const twice = clean(1, { returnCount: 1, transferCount: 1 });
    const once = clean(2, { transferCount: 1 });

    expect(names(twice.ticket, twice.events)).toEqual(['bounced']);
    expect(names(once.ticket, once.events)).toEqual([]);
  });
});

describe('formalismScore', () => {
  it('weighs the signals per resolved ticket and ranks the worst body first', () => {
    const good = clean(1, { body: 'urban_mgmt' });
    const quickNoPhoto = resolvedTicket(2, at('12-01 10:00'), at('12-01 10:02'));
    const pressured = clean(3);
    const open = ticket(4, { returnCount: 3 });
    const events = new Map([
      [1, good.events],
      [2, quickNoPhoto.events],
      [3, [...pressured.events, ...log(3, ['rating_pressure', at('12-02 12:00')])]],
    ]);

    const rows = formalismScore([good.ticket, quickNoPhoto.ticket, pressured.ticket, open], events, 'body');

    const expected =
      (SIGNAL_WEIGHTS.no_photo_evidence + SIGNAL_WEIGHTS.quick_close + SIGNAL_WEIGHTS.rating_pressure) / 2;
    expect(rows).toEqual([
      {
        key: 'property',
        score: expected,
        tickets: 2,
        signals: { ...emptySignalCounts(), no_photo_evidence: 1, quick_close: 1, rating_pressure: 1 },
      },
      { key: 'urban_mgmt', score: 0, tickets: 1, signals: emptySignalCounts() },
    ]);
  });

  it('groups by party branch', () => {
    const a = resolvedTicket(1, at('12-01 10:00'), at('12-01 10:02'), { partyBranch: '第二网格党支部' });

    const rows = formalismScore([a.ticket], new Map([[1, a.events]]), 'party_branch');

    expect(rows.map((r) => r.key)).toEqual(['第二网格党支部']);
    expect(rows[0]?.score).toBe(SIGNAL_WEIGHTS.no_photo_evidence + SIGNAL_WEIGHTS.quick_close);
  });
});

describe('stuck past a deadline with no blocker recorded', () => {
  const overdueOpen = ticket(9, { status: 'accepted', respondedAt: at('12-01 10:00') });
  const stuckLog = log(
    9,
    ['created', at('12-01 09:00')],
    ['accept', at('12-01 10:00')],
    ['overdue', at('12-08 09:00')],
  );

  it('is a signal, for an open ticket too, and counts in the score', () => {
    expect(formalismSignals(overdueOpen, stuckLog).map((s) => s.name)).toEqual(['stuck_unexplained']);
    const rows = formalismScore([overdueOpen], new Map([[9, stuckLog]]), 'body');
    expect(rows).toEqual([expect.objectContaining({ tickets: 1, score: SIGNAL_WEIGHTS.stuck_unexplained })]);
  });

  it('is no signal once a blocker was recorded, nor before any deadline passed', () => {
    const explained = [
      ...stuckLog,
      { ...stuckLog[0], seq: 4, type: 'blocked', detail: '{"reason":"money","note":"x"}' } as TicketEvent,
    ];
    expect(formalismSignals(overdueOpen, explained)).toEqual([]);
    expect(formalismSignals(overdueOpen, stuckLog.slice(0, 2))).toEqual([]);
    expect(formalismScore([overdueOpen], new Map([[9, stuckLog.slice(0, 2)]]), 'body')).toEqual([]);
  });
});
