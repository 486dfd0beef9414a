import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runReplay } from '../../../src/replay/run-replay.js';

type Line = { at: string; room: string | null; to: string | null; mentions: string[]; text: string };

const SCRIPT = 'tests/fixtures/replay/spine.jsonl';

describe('shaozi replay (spine scenario)', () => {
  let outDir = '';

  beforeEach(() => {
    outDir = mkdtempSync(join(tmpdir(), 'shaozi-replay-test-'));
  });

  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  it('plays the script through the bot on a simulated clock and dumps the tickets', async () => {
    const out: string[] = [];
    const err: string[] = [];

    const code = await runReplay(
      { file: SCRIPT, outDir, env: { REDIS_URL: process.env.REDIS_URL } },
      { stdout: (l) => out.push(l), stderr: (l) => err.push(l) },
    );

    expect(code).toBe(0);
    expect(err).toEqual([]);
    const lines = out.slice(0, -1).map((l) => JSON.parse(l) as Line);
    const { tickets } = JSON.parse(out.at(-1) ?? '{}') as { tickets: Array<Record<string, unknown>> };

    expect(lines[0]).toEqual({
      at: '2026-11-30T09:00:00+08:00',
      room: '幸福里一区业主群',
      to: null,
      mentions: ['王阿姨'],
      text: expect.stringContaining('#1'),
    });
    expect(lines.filter((l) => l.to === '李明' && l.text.startsWith('新工单 #1'))).toHaveLength(1);
    const fire = lines.find((l) => l.room === '锦苑邻里群');
    expect(fire).toMatchObject({ at: '2026-11-30T09:02:00+08:00', mentions: ['刘女士'] });
    expect(fire?.text).toContain('119');
    expect(lines.some((l) => l.text.includes('大家早上好'))).toBe(false);
    // a question the knowledge base cannot answer: said so, and a question ticket with a response deadline
    const question = lines.find((l) => l.room === '幸福里二区居民群');
    expect(question?.text).toContain('答不上来');
    expect(question?.text).toMatch(/#3.*前答复您|#3.*明天.*答复您/);
    expect(lines.find((l) => l.to === '孙阿姨')?.text).toContain('#4');

    expect(tickets.map((t) => [t.number, t.intent, t.category, t.body, t.grid])).toEqual([
      [1, 'grievance', 'elevator', 'property', '第一网格'],
      [2, 'emergency', 'fire_safety', 'fire', '第四网格'],
      [3, 'inquiry', 'consultation', tickets[2]?.body, '第三网格'],
      [4, 'grievance', 'building_repair', 'housing', '第三网格'],
    ]);
    expect(tickets[2]?.body).not.toBe('none');
    expect(tickets[0]).toMatchObject({
      status: 'open',
      tiao_kuai: 'block',
      reporter: '王阿姨',
      room: '幸福里一区业主群',
      location: { compound: '幸福里一区', building: 3, unit: null, room: null },
      created_at: '2026-11-30T09:00:00+08:00',
      events: expect.arrayContaining([expect.objectContaining({ actor: '王阿姨', type: 'created' })]),
    });
    expect(existsSync(join(outDir, 'shaozi.db'))).toBe(true);
    expect(readFileSync(join(outDir, 'transcript.jsonl'), 'utf8').trim().split('\n')).toHaveLength(
      lines.length,
    );
    expect(JSON.parse(readFileSync(join(outDir, 'tickets.json'), 'utf8')).tickets).toHaveLength(4);
  });

  it('refuses a malformed script, naming the line, before playing anything', async () => {
    const err: string[] = [];
    const bad = join(outDir, 'bad.jsonl');
    writeFileSync(bad, '{"at":"2026-11-30T09:00:00+08:00","from":"王阿姨"}\n');

    const code = await runReplay({ file: bad, env: {} }, { stdout: () => {}, stderr: (l) => err.push(l) });

    expect(code).toBe(2);
    expect(err[0]).toContain('line 1');
  });
});
