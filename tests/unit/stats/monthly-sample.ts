import type { Ticket, TicketEvent } from '../../../src/tickets/ticket.js';
import type { TicketStore } from '../../../src/tickets/ticket-store.js';
import { at, log, resolvedTicket, ticket } from './builders.js';

/** When the December 2026 sample is looked at. */
export const NOW = at('12-20 12:00');

/**
 * December 2026 in the community, seen on 12-20 (normal tickets: respond in 24 h, resolve in 7 days):
 * #1 lift, 第一网格, claimed by 杨帆 and closed with 满意 · #2 roof, housing, 第三网格, never accepted ·
 * #3 rubbish at 锦苑 (第四网格), resolved 3 days late, closed for want of an answer · #4 noise, withdrawn ·
 * #5 unclassified, resolved, awaiting the reporter · #6 lift, rejected (不满意), now past its resolution
 * deadline · #7 a November lift ticket still open and overdue.
 */
export function decemberSample(): { tickets: Ticket[]; events: Map<number, TicketEvent[]> } {
  const one = resolvedTicket(1, at('12-01 10:00'), at('12-02 10:00'), {
    status: 'closed',
    confirmation: 'satisfied',
    closedAt: at('12-02 12:00'),
  });
  const oneLog = [
    ...one.events.slice(0, 1),
    { ...(log(1, ['claimed', at('12-01 09:30')])[0] as TicketEvent), actor: '杨帆', detail: '杨帆' },
    ...one.events.slice(1),
    ...log(1, ['confirm', at('12-02 12:00')]),
  ].map((e, i) => ({ ...e, seq: i + 1 }));
  const two = ticket(2, {
    category: 'building_repair',
    body: 'housing',
    grid: '第三网格',
    partyBranch: '第三网格党支部',
    location: { compound: '幸福里二区', building: 15, unit: null, room: 602, landmark: null },
  });
  const three = resolvedTicket(3, at('12-03 10:00'), at('12-13 09:00'), {
    createdAt: at('12-03 09:00'),
    category: 'sanitation',
    grid: '第四网格',
    partyBranch: '第四网格党支部',
    location: { compound: '锦苑', building: 26, unit: null, room: null, landmark: null },
    status: 'closed',
    confirmation: 'timeout',
    closedAt: at('12-15 09:00'),
  });
  const four = ticket(4, { category: 'noise', body: 'urban_mgmt', status: 'cancelled' });
  const five = resolvedTicket(5, at('12-15 10:00'), at('12-16 09:00'), {
    createdAt: at('12-15 09:00'),
    category: 'none',
  });
  const six = resolvedTicket(6, at('12-05 10:00'), at('12-06 09:00'), {
    createdAt: at('12-05 09:00'),
    status: 'accepted',
    confirmation: 'unsatisfied',
    reopenCount: 1,
  });
  const seven = ticket(7, {
    createdAt: at('11-20 09:00'),
    respondBy: at('11-21 09:00'),
    resolveBy: at('11-27 09:00'),
  });
  return {
    tickets: [one.ticket, two, three.ticket, four, five.ticket, six.ticket, seven],
    events: new Map([
      [1, oneLog],
      [2, log(2, ['created', two.createdAt])],
      [
        3,
        [...three.events, ...log(3, ['timeout_close', at('12-15 09:00')])].map((e, i) => ({
          ...e,
          seq: i + 1,
        })),
      ],
      [4, log(4, ['created', four.createdAt], ['withdraw', at('12-01 12:00')])],
      [5, five.events],
      [6, [...six.events, ...log(6, ['reject', at('12-06 12:00')])].map((e, i) => ({ ...e, seq: i + 1 }))],
      [7, log(7, ['created', seven.createdAt])],
    ]),
  };
}

/** The store port over fixed tickets and logs. */
export function storeOf(sample: {
  tickets: Ticket[];
  events: Map<number, TicketEvent[]>;
}): Pick<TicketStore, 'listTickets' | 'events'> {
  return {
    listTickets: async () => sample.tickets,
    events: async (n) => sample.events.get(n) ?? [],
  };
}
