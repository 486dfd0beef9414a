import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import { loadRatesInput } from '../../../src/stats/load-rates-input.js';
import { buildMonthlyReport } from '../../../src/stats/monthly-report.js';
import { computePartyOrgRates } from '../../../src/stats/party-org-rates.js';
import { periodRange } from '../../../src/stats/period.js';
import { computeRates, computeRatesBy, type RatesInput } from '../../../src/stats/rates.js';
import type { Ticket } from '../../../src/tickets/ticket.js';
import { at } from './builders.js';
import { decemberSample, NOW, storeOf } from './monthly-sample.js';

const directory = loadDirectory();
const DAY = 86_400_000;

async function report(month: string) {
  return buildMonthlyReport({ tickets: storeOf(decemberSample()), directory }, { month, now: NOW });
}

/** What 统计 本月 reads for a supervisor on the same day: the whole community, this month, as of NOW. */
function statsInput(): Promise<RatesInput> {
  return loadRatesInput({ tickets: storeOf(decemberSample()) }, { ...periodRange('month', NOW), now: NOW });
}

const only = (input: RatesInput, keep: (t: Ticket) => boolean): RatesInput => ({
  ...input,
  tickets: input.tickets.filter(keep),
});

describe('buildMonthlyReport', () => {
  it('gives the current month the very figures of 统计 本月: totals, bodies and party organisations', async () => {
    const input = await statsInput();

    const data = await report('2026-12');

    expect(data.totals).toEqual(computeRates(input));
    expect(data.totals).toMatchObject({ received: 5, cancelled: 1, openOverdue: 3, overdue: 4 });
    expect(data.totals.onTimeResolutionRate).toEqual({ numerator: 2, denominator: 5, value: 0.4 });
    expect(new Map(data.bodies.map((b) => [b.key, b.rates]))).toEqual(computeRatesBy(input, 'body'));
    expect(data.bodies.map((b) => b.name)).toEqual([
      '物业服务企业',
      '区城市管理综合执法局明德中队',
      '区住房和城乡建设局',
    ]);
    for (const org of computePartyOrgRates(input, directory)) {
      expect(data.partyOrgs.find((o) => o.name === org.name)?.rates, org.name).toEqual(org.rates);
    }
  });

  it('breaks the month down by category in the label order, unclassified tickets under 其他', async () => {
    const input = await statsInput();

    const data = await report('2026-12');

    expect(data.categories.map((c) => [c.key, c.name])).toEqual([
      ['elevator', '电梯'],
      ['building_repair', '楼宇维修'],
      ['sanitation', '环境卫生'],
      ['noise', '噪音扰民'],
      ['other', '其他'],
    ]);
    const elevator = data.categories[0]?.rates;
    expect(elevator).toEqual(computeRates(only(input, (t) => t.category === 'elevator')));
    expect(elevator).toMatchObject({ received: 2, confirmed: 1, openOverdue: 2 });
    expect(data.categories[4]?.rates).toEqual(computeRates(only(input, (t) => t.category === 'none')));
  });

  it('lists the overdue tickets and the unconfirmed resolutions, as many as the figures count', async () => {
    const data = await report('2026-12');
    const rows = new Map(data.attention.map((r) => [r.number, r]));
    const confirmed = data.totals.confirmedResolutionRate;

    expect(data.attention.map((r) => r.number)).toEqual([2, 3, 5, 6, 7]);
    expect(data.attention.filter((r) => r.overdue)).toHaveLength(data.totals.overdue);
    expect(data.attention.filter((r) => r.unconfirmed !== null)).toHaveLength(
      confirmed.denominator - confirmed.numerator,
    );
    expect(rows.get(2)).toMatchObject({
      category: '楼宇维修',
      body: '区住房和城乡建设局',
      grid: '第三网格',
      place: '幸福里二区15号楼',
      status: 'open',
      overdue: true,
      overdueMs: NOW.getTime() - at('12-02 09:00').getTime(),
      unconfirmed: null,
    });
    expect(rows.get(3)).toMatchObject({ body: '锦程物业', overdueMs: 3 * DAY, unconfirmed: 'timeout' });
    expect(rows.get(5)).toMatchObject({
      category: '其他',
      overdue: false,
      overdueMs: null,
      unconfirmed: 'awaiting',
    });
    expect(rows.get(6)).toMatchObject({ overdue: true, unconfirmed: 'unsatisfied' });
    expect(rows.get(7)).toMatchObject({ createdAt: at('11-20 09:00'), overdue: true, unconfirmed: null });
  });

  it('lists every grid party branch with its members’ points, then the paired organisations', async () => {
    const data = await report('2026-12');
    const byName = new Map(data.partyOrgs.map((o) => [o.name, o]));

    expect(data.partyOrgs.slice(0, 4).map((o) => [o.name, o.role, o.contact])).toEqual([
      ['第一网格党支部', 'grid_branch', '赵红梅'],
      ['第二网格党支部', 'grid_branch', '钱进'],
      ['第三网格党支部', 'grid_branch', '孙建国'],
      ['第四网格党支部', 'grid_branch', '周涛'],
    ]);
    expect(data.partyOrgs.slice(4).every((o) => o.role === 'paired')).toBe(true);
    expect(byName.get('第一网格党支部')?.points).toEqual({
      members: 1,
      claimed: 1,
      confirmed: 1,
      points: 10,
    });
    expect(byName.get('第二网格党支部')).toMatchObject({ rates: { received: 0 }, points: null });
    expect(byName.get('第四网格党支部')?.points).toEqual({ members: 1, claimed: 0, confirmed: 0, points: 0 });
    expect(data.members.find((m) => m.name === '杨帆')).toMatchObject({ points: 10, tickets: [1] });
  });

  it('leaves tickets created after a past month out of it, open overdue ones included', async () => {
    const data = await report('2026-11');

    expect(data.totals).toMatchObject({ received: 1, openOverdue: 1, overdue: 1 });
    expect(data.attention.map((r) => r.number)).toEqual([7]);
    expect(data.range).toEqual({ from: at('11-01 00:00'), to: at('12-01 00:00') });
  });

  it('makes an empty report for a month without tickets, every grid branch still listed', async () => {
    const data = await report('2026-08');

    expect(data.totals).toMatchObject({ received: 0, openOverdue: 0 });
    expect(data.totals.resolutionRate).toEqual({ numerator: 0, denominator: 0, value: null });
    expect([data.categories, data.bodies, data.attention]).toEqual([[], [], []]);
    expect(data.partyOrgs.map((o) => o.rates.received)).toEqual([0, 0, 0, 0]);
  });

  it('refuses a month not written YYYY-MM', async () => {
    await expect(report('2026-13')).rejects.toThrow(RangeError);
  });
});
