import { expect } from 'vitest';
import { runReplay } from '../../src/replay/run-replay.js';
import type { TicketJson } from '../../src/tickets/ticket-json.js';

/** One line of the replay transcript (interfaces.md). */
export type TranscriptLine = {
  at: string;
  room: string | null;
  to: string | null;
  mentions: string[];
  text: string;
};

/**
 * Plays a replay script through `runReplay` exactly as `npx shaozi replay` does, asserts it played to the
 * end without a word on stderr, and returns the transcript and the ticket dump.
 */
export async function replayScript(
  file: string,
  outDir?: string,
): Promise<{ lines: TranscriptLine[]; tickets: TicketJson[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runReplay(
    { file, outDir, env: { REDIS_URL: process.env.REDIS_URL, LOG_LEVEL: 'silent' } },
    { stdout: (l) => out.push(l), stderr: (l) => err.push(l) },
  );
  expect(code).toBe(0);
  expect(err).toEqual([]);
  const { tickets } = JSON.parse(out.at(-1) ?? '{}') as { tickets: TicketJson[] };
  return { lines: out.slice(0, -1).map((l) => JSON.parse(l) as TranscriptLine), tickets };
}
