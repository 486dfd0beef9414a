import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEvalCommand } from '../../../src/cli/eval-command.js';
import type { Classification } from '../../../src/labels/classification.js';

async function evalLines(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const code = await runEvalCommand(args, { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) });
  expect(code).toBe(0);
  return lines;
}

describe('shaozi eval on several threads', () => {
  it('prints the very report of one thread: every writer, in order, the same figures', async () => {
    // the project's own two writers only, so that the test trains small models
    const dump = join(mkdtempSync(join(tmpdir(), 'eval-dump-')), 'scored.jsonl');
    const [one, two] = await Promise.all([
      evalLines(['--jobs', '1', '--exclude', 'corpus-']),
      evalLines(['--jobs', '2', '--exclude', 'corpus-', '--dump', dump]),
    ]);

    expect(two).toEqual(one);
    expect(one.filter((l) => /^ {2}(dev|project-holdouts) /.test(l))).toHaveLength(2);
    // --dump keeps every held-out prediction with the writer it was held out as, for rescoring later
    const rows = readFileSync(dump, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { set: string; gold: { text: string }; predicted: Classification });
    const scored = Number(/\((\d+) messages\)/.exec(one[0] ?? '')?.[1]);
    expect(rows).toHaveLength(scored);
    expect(new Set(rows.map((r) => r.set))).toEqual(new Set(['dev', 'project-holdouts']));
    const requests = rows.filter((r) => r.predicted.category !== 'none');
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      const suggestion = Object.values(r.predicted.body_probabilities ?? {});
      expect(suggestion.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.8);
    }
  }, 120_000);

  it('refuses a thread count that is no whole number above zero', async () => {
    const errors: string[] = [];
    const code = await runEvalCommand(['--jobs', '0'], { stdout: () => {}, stderr: (l) => errors.push(l) });

    expect(code).toBe(2);
    expect(errors[0]).toBe('--jobs needs an integer ≥ 1');
  });
});
