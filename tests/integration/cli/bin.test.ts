import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the shaozi bin (npx shaozi)', () => {
  it('classifies JSONL from standard input without an LLM configured, one line per input line', () => {
    const input = [
      '{"id":"x1","text":"3号楼2单元电梯坏了，困了一个老人在里面"}',
      'oops',
      '{"id":"x3","text":"谢谢大家"}',
    ].join('\n');

    const result = spawnSync(process.execPath, ['bin/shaozi.js', 'classify'], {
      input,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      timeout: 60_000,
    });

    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      id: 'x1',
      category: 'elevator',
      location: { building: 3, unit: 2, room: null },
      source: 'local',
    });
    expect(lines[1]).toMatchObject({ error: expect.stringContaining('not JSON') });
    expect(lines[2]).toMatchObject({ id: 'x3', body: 'none', tiao_kuai: 'none' });
  });

  it('prints usage and exits non-zero for an unknown command', () => {
    const result = spawnSync(process.execPath, ['bin/shaozi.js', 'frobnicate'], {
      encoding: 'utf8',
      timeout: 60_000,
    });

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: shaozi');
  });
});
