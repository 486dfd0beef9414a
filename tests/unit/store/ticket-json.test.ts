import { describe, expect, it } from 'vitest';
import { toChinaIso } from '../../../src/clock/china-time.js';
import { startTicket } from '../../../src/store/ticket-state.js';
import type { TicketEvent } from '../../../src/tickets/ticket.js';
import { toTicketJson } from '../../../src/tickets/ticket-json.js';
import { newTicket } from '../../contract/ticket-store.contract.js';

describe('toChinaIso', () => {
  it('writes China time with its offset, without milliseconds when there are none', () => {
    expect(toChinaIso(new Date('2026-11-30T01:00:01Z'))).toBe('2026-11-30T09:00:01+08:00');
    expect(toChinaIso(new Date('2026-11-30T17:30:00.250Z'))).toBe('2026-12-01T01:30:00.250+08:00');
  });
});

describe('toTicketJson', () => {
  const ticket = { ...startTicket(newTicket(), 12), coReporters: ['陈大爷'] };
  const events: TicketEvent[] = [
    {
      ticketNumber: 12,
      seq: 2,
      at: new Date('2026-11-30T01:05:00Z'),
      actor: '魏经理',
      type: 'accepted',
      detail: '',
      prevHash: 'a',
      hash: 'b',
    },
    {
      ticketNumber: 12,
      seq: 1,
      at: new Date('2026-11-30T01:00:00Z'),
      actor: '王阿姨',
      type: 'created',
      detail: '电梯',
      prevHash: '',
      hash: 'a',
    },
  ];

  it('gives the interface shape in snake case with China-time stamps and events oldest first', () => {
    const json = toTicketJson(ticket, events);

    expect(json).toMatchObject({
      number: 12,
      status: 'open',
      tiao_kuai: 'block',
      location: { compound: '幸福里一区', building: 3, unit: 2, room: null },
      party_branch: '第一网格党支部',
      co_reporters: ['陈大爷'],
      created_at: '2026-11-30T09:00:00+08:00',
      responded_at: null,
      confirmation: null,
      reopen_count: 0,
      overdue: false,
      joint_bodies: [],
      evidence: [],
    });
    expect(json.events).toEqual([
      { seq: 1, at: '2026-11-30T09:00:00+08:00', actor: '王阿姨', type: 'created', detail: '电梯' },
      { seq: 2, at: '2026-11-30T09:05:00+08:00', actor: '魏经理', type: 'accepted', detail: '' },
    ]);
  });

  it('leaves chat ids out', () => {
    const text = JSON.stringify(toTicketJson(ticket, events));

    expect(text).not.toContain('wxid-wang');
    expect(text).not.toContain('room-1');
    expect(Object.keys(toTicketJson(ticket, []))).not.toContain('reporter_id');
  });
});
