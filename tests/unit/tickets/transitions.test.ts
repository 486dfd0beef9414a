import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TICKET_STATUSES, type TicketStatus } from '../../../src/tickets/ticket.js';
import {
  ALLOWED_TRANSITIONS,
  isTerminal,
  planTransition,
  TICKET_ACTIONS,
  type TicketAction,
} from '../../../src/tickets/transitions.js';

/** The expected machine, written out by hand: status → action → target; absent means refused. */
const EXPECTED: Record<TicketStatus, Partial<Record<TicketAction, TicketStatus>>> = {
  open: {
    accept: 'accepted',
    return: 'returned',
    transfer: 'open',
    merge: 'merged',
    withdraw: 'cancelled',
    cancel: 'cancelled',
  },
  accepted: {
    progress: 'accepted',
    resolve: 'resolved',
    return: 'returned',
    transfer: 'open',
    merge: 'merged',
    withdraw: 'cancelled',
    cancel: 'cancelled',
  },
  resolved: {
    confirm: 'closed',
    reject: 'accepted',
    timeout_close: 'closed',
    reopen: 'accepted',
    cancel: 'cancelled',
  },
  closed: { reopen: 'accepted' },
  returned: { reroute: 'open', withdraw: 'cancelled', cancel: 'cancelled' },
  merged: {},
  cancelled: {},
};

const PAIRS = TICKET_STATUSES.flatMap((status) =>
  TICKET_ACTIONS.map((action) => [status, action, EXPECTED[status][action] ?? null] as const),
);

describe('planTransition', () => {
  it('is tested for every status and action', () => {
    expect(PAIRS).toHaveLength(TICKET_STATUSES.length * TICKET_ACTIONS.length);
  });

  it.each(PAIRS)('%s + %s → %s', (status, action, to) => {
    const plan = planTransition(status, action);

    if (to === null) {
      expect(plan).toEqual({ ok: false, reason: 'illegal_transition', from: status, action });
    } else {
      expect(plan).toMatchObject({ ok: true, to });
    }
  });

  it('counts reopens, returns and transfers', () => {
    expect(planTransition('resolved', 'reject')).toMatchObject({ counts: { reopen: true } });
    expect(planTransition('closed', 'reopen')).toMatchObject({ counts: { reopen: true } });
    expect(planTransition('open', 'return')).toMatchObject({ counts: { return: true } });
    expect(planTransition('accepted', 'transfer')).toMatchObject({ counts: { transfer: true } });
    expect(planTransition('open', 'accept')).toEqual({ ok: true, to: 'accepted' });
  });

  it('records the reporter verdict', () => {
    expect(planTransition('resolved', 'confirm')).toMatchObject({ confirmation: 'satisfied' });
    expect(planTransition('resolved', 'reject')).toMatchObject({ confirmation: 'unsatisfied' });
    expect(planTransition('resolved', 'timeout_close')).toMatchObject({ confirmation: 'timeout' });
  });

  it('agrees with ALLOWED_TRANSITIONS', () => {
    for (const [status, action] of PAIRS) {
      const rule = ALLOWED_TRANSITIONS[action];
      expect(planTransition(status, action).ok).toBe(rule.from.includes(status));
    }
  });
});

describe('planTransition over sequences of actions', () => {
  const status = fc.constantFrom(...TICKET_STATUSES);
  const actions = fc.array(fc.constantFrom(...TICKET_ACTIONS), { maxLength: 40 });

  it('never leaves merged or cancelled, and leaves closed only by reopen', () => {
    fc.assert(
      fc.property(status, actions, (start, sequence) => {
        let current = start;
        for (const action of sequence) {
          const plan = planTransition(current, action);
          if (isTerminal(current)) {
            expect(plan.ok).toBe(false);
          }
          if (current === 'closed' && plan.ok) {
            expect(action).toBe('reopen');
          }
          if (plan.ok) {
            current = plan.to;
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reaches closed only through resolved', () => {
    fc.assert(
      fc.property(status, actions, (start, sequence) => {
        let current = start;
        for (const action of sequence) {
          const plan = planTransition(current, action);
          if (plan.ok && plan.to === 'closed') {
            expect(current).toBe('resolved');
          }
          current = plan.ok ? plan.to : current;
        }
      }),
    );
  });
});
