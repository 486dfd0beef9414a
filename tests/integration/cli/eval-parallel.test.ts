import { describe, expect, it } from 'vitest';
import { runEvalCommand } from '../../../src/cli/eval-command.js';

async function evalLines(args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const code = await runEvalCommand(args, { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) });
  expect(code).toBe(0);
  return lines;
}

describe('shaozi eval on several threads', () => {
  it('prints the very report of one thread: every writer, in order, the same figures', async () => {
    // the project's own two writers only, so that the test trains small models
    const [one, two] = await Promise.all([
      evalLines(['--jobs', '1', '--exclude', 'corpus-']),
      evalLines(['--jobs', '2', '--exclude', 'corpus-']),
    ]);

    expect(two).toEqual(one);
    expect(one.filter((l) => /^ {2}(dev|project-holdouts) /.test(l))).toHaveLength(2);
  }, 120_000);

  it('refuses a thread count that is no whole number above zero', async () => {
    const errors: string[] = [];
    const code = await runEvalCommand(['--jobs', '0'], { stdout: () => {}, stderr: (l) => errors.push(l) });

    expect(code).toBe(2);
    expect(errors[0]).toBe('--jobs needs an integer ≥ 1');
  });
});
