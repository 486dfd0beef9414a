import { describe, expect, it } from 'vitest';
import { fromTicketRow, TICKET_COLUMNS, toTicketRow } from '../../../src/store/ticket-rows.js';
import { applyPatch, startTicket } from '../../../src/store/ticket-state.js';
import { newTicket } from '../../contract/ticket-store.contract.js';

const at = new Date('2026-12-01T02:03:04.005Z');

describe('ticket rows', () => {
  it('round-trips a ticket with every kind of field', () => {
    const ticket = applyPatch(startTicket(newTicket(), 7), {
      status: 'resolved',
      overdue: true,
      rating: 4,
      coReporters: ['陈大爷'],
      jointBodies: [{ body: 'police', name: '派出所', liaison: null, calledAt: at, reportedAt: null }],
      evidence: [{ kind: 'photo', ref: 'photo.jpg', at, by: '魏经理' }],
    });

    const row = toTicketRow(ticket);

    expect(Object.keys(row).sort()).toEqual([...TICKET_COLUMNS].sort());
    expect(row).toMatchObject({ number: 7, overdue: 1, co_reporters: '["陈大爷"]' });
    expect(fromTicketRow(row)).toEqual(ticket);
  });

  it('ignores undefined patch keys and never renumbers', () => {
    const ticket = startTicket(newTicket(), 3);

    const patched = applyPatch(ticket, { grid: undefined, status: 'accepted' });

    expect(patched).toEqual({ ...ticket, status: 'accepted' });
  });
});
