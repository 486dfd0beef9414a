import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import { computePartyOrgRates, totalFormalism } from '../../../src/stats/party-org-rates.js';
import { partyOrgSection } from '../../../src/stats/party-org-text.js';
import type { Ticket, TicketEvent } from '../../../src/tickets/ticket.js';
import { at, log, resolvedTicket, ticket } from './builders.js';

const directory = loadDirectory();
const WEEK = { from: at('11-30 00:00'), to: at('12-07 00:00') };
const NOW = at('12-03 12:00');

/**
 * #1 property in 第一网格, closed with 满意, a progress note and the handler's photo: no signal.
 * #2 housing in 第三网格 (幸福里二区), never accepted: past its response deadline now.
 * #3 property in 第一网格 with 派出所 called by 吹哨, resolved without a photo: one signal, awaiting 满意.
 */
function sample(): { tickets: Ticket[]; events: Map<number, TicketEvent[]> } {
  const one = resolvedTicket(1, at('12-01 10:00'), at('12-02 10:00'), {
    status: 'closed',
    confirmation: 'satisfied',
    closedAt: at('12-02 12:00'),
    evidence: [{ kind: 'photo', ref: 'fixed.jpg', at: at('12-02 10:00'), by: '魏经理' }],
  });
  one.events.splice(2, 0, log(1, ['progress', at('12-01 15:00')])[0] as TicketEvent);
  const two = ticket(2, {
    body: 'housing',
    grid: '第三网格',
    partyBranch: '第三网格党支部',
    assignees: ['王芳', '蒋工'],
    location: { compound: '幸福里二区', building: 15, unit: null, room: null, landmark: null },
  });
  const three = resolvedTicket(3, at('12-01 09:30'), at('12-02 16:00'), {
    jointBodies: [
      {
        body: 'police',
        name: '明德派出所',
        liaison: '韩警官',
        calledAt: at('12-01 09:40'),
        reportedAt: null,
      },
    ],
  });
  three.events.splice(2, 0, log(3, ['progress', at('12-01 11:00')])[0] as TicketEvent);
  return {
    tickets: [one.ticket, two, three.ticket],
    events: new Map([
      [1, one.events],
      [2, log(2, ['created', two.createdAt])],
      [3, three.events],
    ]),
  };
}

describe('computePartyOrgRates', () => {
  it('counts each ticket for its grid branch, its body’s paired organisation and the called bodies’ ones', () => {
    const rows = computePartyOrgRates({ ...sample(), ...WEEK, now: NOW }, directory);

    expect(rows.map((r) => [r.name, r.role, r.contact, r.rates.received])).toEqual([
      ['第一网格党支部', 'grid_branch', '赵红梅', 2],
      ['第三网格党支部', 'grid_branch', '孙建国', 1],
      ['安居物业党支部', 'paired', '魏经理', 2],
      ['明德派出所党支部', 'paired', '韩警官', 1],
      ['区住房和城乡建设局党支部', 'paired', '蒋工', 1],
    ]);
  });

  it('gives confirmed results, on-time rates and formalism signals with numerator and denominator', () => {
    const rows = computePartyOrgRates({ ...sample(), ...WEEK, now: NOW }, directory);
    const byName = new Map(rows.map((r) => [r.name, r]));

    const first = byName.get('第一网格党支部');
    expect(first?.rates.confirmedResolutionRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(first?.rates.onTimeResponseRate).toEqual({ numerator: 2, denominator: 2, value: 1 });
    expect(first?.rates.onTimeResolutionRate).toEqual({ numerator: 2, denominator: 2, value: 1 });
    expect(first?.formalism).toMatchObject({ score: 0.5, tickets: 2 });
    expect(first?.formalism.signals.no_photo_evidence).toBe(1);

    const third = byName.get('第三网格党支部');
    expect(third?.rates.onTimeResponseRate).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(third?.rates.openOverdue).toBe(1);
    expect(third?.rates.confirmedResolutionRate.denominator).toBe(0);
    expect(third?.formalism.tickets).toBe(0);

    const police = byName.get('明德派出所党支部');
    expect(police?.rates.confirmedResolutionRate).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(police?.formalism).toMatchObject({ score: 1, tickets: 1 });
  });

  it('leaves out the organisations with nothing in the period', () => {
    const rows = computePartyOrgRates({ tickets: [], events: new Map(), ...WEEK, now: NOW }, directory);

    expect(rows).toEqual([]);
  });
});

describe('partyOrgSection', () => {
  it('writes one line per organisation, every rate as n/d', () => {
    const text = partyOrgSection({ ...sample(), ...WEEK, now: NOW }, directory);

    const lines = text.split('\n');
    expect(lines[0]).toBe('各党组织（网格党支部、双报到单位）：');
    expect(lines[1]).toBe(
      '· 第一网格党支部（赵红梅）：工单 2，确认解决 1/2（50%），按时响应 2/2（100%），按时办结 2/2（100%），' +
        '超时未办 0，形式主义 0.5 分（2 件：无现场照片 1）',
    );
    expect(lines[2]).toBe(
      '· 第三网格党支部（孙建国）：工单 1，确认解决 暂无，按时响应 0/1（0%），按时办结 暂无，超时未办 1，形式主义信号 暂无',
    );
    expect(lines).toHaveLength(6);
  });

  it('is empty when no organisation had anything', () => {
    expect(partyOrgSection({ tickets: [], events: new Map(), ...WEEK, now: NOW }, directory)).toBe('');
  });
});

describe('totalFormalism', () => {
  it('sums signals and tickets and recomputes the score from the weights', () => {
    const signals = (quick: number, photo: number) => ({
      ...totalFormalism([]).signals,
      quick_close: quick,
      no_photo_evidence: photo,
    });

    const total = totalFormalism([
      { key: 'property', score: 1.5, tickets: 2, signals: signals(1, 1) },
      { key: 'police', score: 0, tickets: 1, signals: signals(0, 0) },
    ]);

    expect(total).toMatchObject({ score: 1, tickets: 3 });
    expect(total.signals).toMatchObject({ quick_close: 1, no_photo_evidence: 1 });
  });
});
