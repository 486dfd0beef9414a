import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRatesInput } from '../../../src/stats/load-rates-input.js';
import { computeRates } from '../../../src/stats/rates.js';
import { openKyselyTicketStore, SQLITE_FILE_NAME } from '../../../src/store/open-ticket-store.js';
import type { TicketJson } from '../../../src/tickets/ticket-json.js';
import { replayScript } from '../../helpers/replay.js';
import { t } from './timers-helpers.js';

const dirs: string[] = [];

async function replay(name: string) {
  const outDir = mkdtempSync(join(tmpdir(), 'shaozi-sla-replay-'));
  dirs.push(outDir);
  return { ...(await replayScript(`tests/fixtures/replay/${name}.jsonl`, outDir)), outDir };
}

const events = (ticket: TicketJson | undefined, type: string) =>
  ticket?.events.filter((e) => e.type === type) ?? [];

describe('replay scenarios of the deadline timers', () => {
  afterEach(() => {
    for (const dir of dirs.splice(0)) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets a normal ticket raised before National Day run past the holiday without a step during it', async () => {
    const { lines, tickets } = await replay('sla-holiday');

    const [ticket] = tickets;
    expect(ticket).toMatchObject({ urgency: 'normal', resolve_by: '2026-10-15T10:00:00+08:00' });
    expect(lines.filter((l) => l.at >= '2026-10-01' && l.at < '2026-10-15')).toEqual([]);
    expect(events(ticket, 'escalated').map((e) => [e.at, e.detail.split(':')[0]])).toEqual([
      ['2026-10-15T10:00:00+08:00', 'level 1 → 孙建国'],
      ['2026-10-16T10:00:00+08:00', 'level 2 → 刘桂兰'],
    ]);
    // the reminder falls due at 06:00, inside the quiet hours (22:00–07:30): a normal ticket's waits till 07:30
    expect(lines.filter((l) => l.text.startsWith('提醒')).map((l) => l.at)).toEqual([
      '2026-10-15T07:30:00+08:00',
      '2026-10-15T07:30:00+08:00',
    ]);
  });

  it('climbs the whole ladder for a ticket nobody takes', async () => {
    const { lines, tickets } = await replay('sla-ladder');

    expect(tickets[0]).toMatchObject({ escalation_level: 3, overdue: true, status: 'open' });
    expect(events(tickets[0], 'escalated').map((e) => e.at)).toEqual([
      '2026-11-30T11:00:00+08:00',
      '2026-11-30T12:00:00+08:00',
      '2026-11-30T13:00:00+08:00',
    ]);
    const escalations = lines.filter((l) => l.text.startsWith('【督办】'));
    expect(escalations.map((l) => l.to)).toEqual(['赵红梅', '刘桂兰', '郑海']);
    expect(escalations.every((l) => l.text.includes('#1'))).toBe(true);
  });

  it('reminds a body that reports late, and escalates none that reported', async () => {
    const { lines, tickets } = await replay('sla-whistle');

    const [ticket] = tickets;
    expect(ticket?.joint_bodies.map((j) => [j.body, j.reported_at])).toEqual([
      ['urban_mgmt', '2026-11-30T10:00:00+08:00'],
      ['housing', '2026-11-30T09:20:00+08:00'],
    ]);
    expect(
      events(ticket, 'whistle_overdue').map((e) => [e.at, e.detail.split(' ').slice(0, 2).join(' ')]),
    ).toEqual([['2026-11-30T09:40:00+08:00', 'reminder urban_mgmt']]);
    expect(lines.filter((l) => l.text.startsWith('提醒')).map((l) => l.to)).toEqual(['冯志强']);
    expect(lines.some((l) => l.text.startsWith('【吹哨督办】'))).toBe(false);
  });

  it('closes an unanswered resolution as timeout, counted as unconfirmed and never as satisfied', async () => {
    const { lines, tickets, outDir } = await replay('sla-timeout');

    expect(tickets[0]).toMatchObject({
      status: 'closed',
      confirmation: 'timeout',
      closed_at: '2026-12-02T10:00:00+08:00',
    });
    expect(lines.filter((l) => l.room === '幸福里一区业主群' && l.text.includes('未确认'))).toHaveLength(1);
    const store = await openKyselyTicketStore({ sqlitePath: join(outDir, SQLITE_FILE_NAME) });
    try {
      const period = { from: t('2026-11-30 00:00'), to: t('2026-12-03 00:00'), now: t('2026-12-03 00:00') };
      const rates = computeRates(await loadRatesInput({ tickets: store }, period));
      expect(rates.confirmed).toBe(0);
      expect(rates.confirmedResolutionRate).toMatchObject({ numerator: 0, denominator: 1 });
      expect(rates.satisfactionRate.denominator).toBe(0);
    } finally {
      await store.close();
    }
  });
});
