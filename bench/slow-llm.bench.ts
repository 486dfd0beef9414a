/**
 * The whole intake with an LLM that takes 300 ms to answer (a fake OpenAI-compatible server on 127.0.0.1,
 * asked by the real SDK), against the same burst without an LLM: messages/s and LLM calls per message.
 * Intake reads compounds side by side (INTAKE_PARTITIONS), so one slow call holds up only its compound.
 *   npx tsx bench/slow-llm.bench.ts [MESSAGES] [DELAY_MS]   (500 and 300 by default)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp } from '../src/compose.js';
import { silentLogger } from '../src/logger.js';
import { completion, startFakeOpenAIServer } from '../tests/helpers/fake-openai-server.js';
import { benchConfig } from './bench-config.js';
import { readBurst } from './burst.js';

const MESSAGES = Number(process.argv[2] ?? 500);
const DELAY_MS = Number(process.argv[3] ?? 300);
const print = (line: string) => process.stdout.write(`${line}\n`);

/** What the fake model says when asked to classify: a grievance, so that the asked messages make tickets. */
const REPLY = {
  intent: 'grievance',
  category: 'building_repair',
  body: 'property',
  urgency: 'normal',
  location: { building: null, unit: null, room: null },
  compound: null,
  confidence: 0.9,
  reason: '报修',
};

/**
 * The busy days' group lines in order (datasets/replay-day/), the first `count`: real wording with its unsure
 * lines, though the shipped model learned these days, so it is surer of them than of new text.
 */
function dayLines(count: number): Array<{ room: string; from: string; text: string }> {
  const dir = 'datasets/replay-day';
  const files = readdirSync(dir)
    .filter((f) => /^day(-\d+)?\.jsonl$/.test(f))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const lines = files.flatMap((f) =>
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { room?: string; from?: string; text?: string }),
  );
  return lines
    .filter((l): l is { room: string; from: string; text: string } => !!(l.room && l.from && l.text))
    .slice(0, count);
}

async function burstRate(
  llm: Record<string, string>,
  lines?: ReadonlyArray<{ room: string; from: string; text: string }>,
): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shaozi-bench-'));
  const app = await composeApp({
    config: benchConfig(dataDir, `bench-${randomUUID()}`, llm),
    logger: silentLogger,
  });
  try {
    return await readBurst(app, lines ?? MESSAGES, 300_000);
  } finally {
    await app.queue.obliterate().catch(() => undefined);
    await app.timers.obliterate().catch(() => undefined);
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** What it says when asked to phrase an answer: the first entry it was given, by its title (no numbers). */
function answerFrom(prompt: string) {
  const [, id, title] = /\[([\w-]+)\]\s*([^\n]+)/.exec(prompt) ?? [];
  return id
    ? { answerable: true, entry_ids: [id], answer: `请看「${title}」` }
    : { answerable: false, entry_ids: [], answer: '' };
}

const server = await startFakeOpenAIServer();
server.route = (body) => {
  const asked = body.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
  const reply = body.response_format?.json_schema?.name === 'shaozi_answer' ? answerFrom(asked) : REPLY;
  return { ...completion(reply), delayMs: DELAY_MS };
};
try {
  const withLlm = {
    LLM_BASE_URL: server.baseURL,
    LLM_API_KEY: 'sk-bench',
    LLM_MODEL: 'bench-model',
    LLM_TIMEOUT_MS: String(DELAY_MS * 10),
  };
  const local = await burstRate({});
  const slow = await burstRate(withLlm);
  const calls = server.requests.length;
  const phrasing = server.requests.filter(
    (r) => r.body.response_format?.json_schema?.name === 'shaozi_answer',
  );
  print(`intake with a slow LLM: ${MESSAGES} messages of the group mix, the cascade on its defaults`);
  print(`  local only:                        ${local.toFixed(0).padStart(5)} messages/s`);
  print(
    `  LLM answering in ${DELAY_MS} ms:            ${slow.toFixed(0).padStart(5)} messages/s (${calls} calls, ${(calls / MESSAGES).toFixed(3)} per message, ${phrasing.length} of them phrasing answers)`,
  );
  const days = dayLines(MESSAGES);
  const daysLocal = await burstRate({}, days);
  const before = server.requests.length;
  const daysSlow = await burstRate(withLlm, days);
  const daysRequests = server.requests.slice(before);
  const daysCalls = daysRequests.length;
  const daysPhrasing = daysRequests.filter(
    (r) => r.body.response_format?.json_schema?.name === 'shaozi_answer',
  );
  print(
    `  the busy days' first ${days.length} lines (datasets/replay-day/, in order; the model learned them):`,
  );
  print(`    local only:                      ${daysLocal.toFixed(0).padStart(5)} messages/s`);
  print(
    `    LLM answering in ${DELAY_MS} ms:          ${daysSlow.toFixed(0).padStart(5)} messages/s (${daysCalls} calls, ${(daysCalls / days.length).toFixed(3)} per message, ${daysPhrasing.length} of them phrasing answers)`,
  );
} finally {
  await server.close();
}
