import { describe, expect, it } from 'vitest';
import { replayScript as replay } from '../../helpers/replay.js';

describe('shaozi replay: closures that mean something', () => {
  it('an unsatisfied reporter reopens the ticket, the reopen is counted, and only a second fix closes it', async () => {
    const { lines, tickets } = await replay('tests/fixtures/replay/closure-unsatisfied.jsonl');

    expect(tickets).toHaveLength(1);
    const [t] = tickets;
    expect(t).toMatchObject({
      number: 1,
      status: 'closed',
      confirmation: 'satisfied',
      reopen_count: 1,
      body: 'housing',
      grid: '第三网格',
      closed_at: '2026-12-04T18:00:00+08:00',
    });
    expect(t?.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['created', 'accept', 'resolve', 'reject', 'confirm']),
    );
    const types = t?.events.map((e) => e.type) ?? [];
    expect(types.indexOf('reject')).toBeGreaterThan(types.indexOf('resolve'));
    expect(types.lastIndexOf('resolve')).toBeGreaterThan(types.indexOf('reject'));
    const toHousing = lines.filter((l) => l.to === '蒋工' && l.at === '2026-12-03T08:00:00+08:00');
    expect(toHousing.map((l) => l.text).join('')).toContain('昨晚下雨还是在漏');
  });

  it('the same problem at the same place after closure reopens the closed ticket and marks the closure failed', async () => {
    const { lines, tickets } = await replay('tests/fixtures/replay/closure-recurrence.jsonl');

    expect(tickets).toHaveLength(1);
    const [t] = tickets;
    expect(t).toMatchObject({ number: 1, status: 'accepted', reopen_count: 1, co_reporters: ['赵先生'] });
    const recurrence = t?.events.find((e) => e.type === 'recurrence');
    expect(recurrence).toMatchObject({ at: '2026-12-10T20:00:00+08:00' });
    const reply = lines.find((l) => l.at === '2026-12-10T20:00:00+08:00' && l.room === '锦苑邻里群');
    expect(reply?.mentions).toEqual(['赵先生']);
    expect(reply?.text).toContain('#1');
    expect(lines.some((l) => l.to === '陶经理' && l.at === '2026-12-10T20:00:00+08:00')).toBe(true);
  });
});
