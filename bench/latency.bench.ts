/**
 * Message → reply-ready latency at a steady rate (50 messages/s for 20 s by default), and RSS growth from
 * 1,000 to 10,000 messages, on the embedded defaults (SQLite, local classifier, sample community, sandbox).
 * `npx tsx --expose-gc bench/latency.bench.ts [RATE] [SECONDS] [RSS_MESSAGES]`; without --expose-gc the
 * RSS figures include garbage not yet collected, and the output says so.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import type { SandboxWorlds } from '../src/bot/wechaty/sandbox-worlds.js';
import { type App, composeApp } from '../src/compose.js';
import { silentLogger } from '../src/logger.js';
import { BENCH_REDIS_URL, benchConfig } from './bench-config.js';
import { MIX_KINDS, type MixKind, type MixMessage, messageMix } from './message-mix.js';
import { watchReadMessages } from './read-moments.js';

const RATE = Number(process.argv[2] ?? 50);
const SECONDS = Number(process.argv[3] ?? 20);
const RSS_TO = Number(process.argv[4] ?? 10_000);
const RSS_FROM = 1_000;
/** Messages said at the steady rate before the measured ones: the first reads pay for JIT and caches. */
const WARM_UP = 100;
/** Messages said but not yet read, at most, while feeding as fast as the pipeline takes them. */
const IN_FLIGHT = 100;
const TARGET_P99_MS = 100;
const TARGET_RSS_MB = 50;
const REDIS_URL = BENCH_REDIS_URL;
const print = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

type Bench = {
  app: App;
  world: SandboxWorlds;
  /** Says a message in the sandbox; returns its store key. */
  say(message: MixMessage): string;
  /** When each message's outcome and replies were committed (performance.now()), by store key. */
  readAt: Map<string, number>;
  stop(): Promise<void>;
};

/** The bot as `npm start` builds it, on a fresh SQLite store and a queue prefix of its own. */
async function startBench(): Promise<Bench> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shaozi-latency-'));
  const prefix = `bench-latency-${randomUUID()}`;
  const app = await composeApp({
    config: benchConfig(dataDir, prefix),
    logger: silentLogger,
  });
  const world = app.bot.sandbox;
  if (!world) {
    await app.stop();
    throw new Error('the bench needs the sandbox');
  }
  const readAt = new Map<string, number>();
  // "reply ready" is the commit of the message's outcome with its outbox rows, hooked on the store rather
  // than polled: polling would add its own queries and a polling interval to every figure, and hooking the
  // outbox enqueue would miss chatter (no reply) and add the Redis round trip after the reply already exists
  watchReadMessages(app.tickets, (key, at) => {
    if (!readAt.has(key)) {
      readAt.set(key, at);
    }
  });
  return {
    ...{ app, world, readAt },
    say: (m) => `${world.worlds[0]?.self.id}:${world.say({ room: m.room, from: m.from, text: m.text })}`,
    stop: async () => {
      await app.queue.obliterate().catch(() => undefined);
      await app.timers.obliterate().catch(() => undefined);
      await app.stop();
      await deleteKeys(`${prefix}:*`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Whatever the prefix left in Redis after the queues were obliterated (schedulers, budgets, locks). */
async function deleteKeys(pattern: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length > 0) {
        await redis.del(...keys);
      }
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

/** Until every key is read, or throws after `timeoutMs`. */
async function untilRead(bench: Bench, keys: readonly string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (keys.some((k) => !bench.readAt.has(k))) {
    if (Date.now() > deadline) {
      const unread = keys.filter((k) => !bench.readAt.has(k)).length;
      throw new Error(`${unread} of ${keys.length} messages were not read in ${timeoutMs / 1000} s`);
    }
    await sleep(5);
  }
}

/** A message said on the schedule; `at` is when it was due, which is when it is said unless the loop was late. */
type Said = { key: string; kind: MixKind; at: number };

/**
 * Says `messages` one every 1/RATE s on a schedule that does not drift. Latency counts from the moment a
 * message was due, not from when the loop got to it: the bot shares this event loop, and a message that
 * arrives while the loop is busy waits in a real bot too (no coordinated omission).
 */
async function sayAtRate(bench: Bench, messages: readonly MixMessage[]): Promise<Said[]> {
  const interval = 1000 / RATE;
  const started = performance.now();
  const said: Said[] = [];
  for (const [i, m] of messages.entries()) {
    const wait = started + i * interval - performance.now();
    if (wait > 0) {
      await sleep(wait);
    }
    said.push({ key: bench.say(m), kind: m.kind, at: started + i * interval });
  }
  return said;
}

/** The nearest-rank percentile of sorted values. */
const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;

function latencyLine(label: string, latencies: number[]): string {
  const sorted = [...latencies].sort((a, b) => a - b);
  if (sorted.length === 0) {
    return `  ${label.padEnd(11)} (none)`;
  }
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(sorted, p)) as [number, number, number];
  return `  ${label.padEnd(11)} ${String(sorted.length).padStart(5)}  ${ms(p50)}  ${ms(p95)}  ${ms(p99)}  ${ms(sorted.at(-1) ?? 0)}`;
}

async function measureLatency(): Promise<void> {
  const count = Math.round(RATE * SECONDS);
  const mix = messageMix(WARM_UP + count);
  const bench = await startBench();
  try {
    const warm = await sayAtRate(bench, mix.slice(0, WARM_UP));
    await untilRead(
      bench,
      warm.map((s) => s.key),
      60_000,
    );
    const started = performance.now();
    const said = await sayAtRate(bench, mix.slice(WARM_UP));
    const sayingMs = performance.now() - started;
    await untilRead(
      bench,
      said.map((s) => s.key),
      60_000,
    );
    const latency = (s: Said) => (bench.readAt.get(s.key) ?? Number.NaN) - s.at;
    const achieved = ((said.length - 1) / sayingMs) * 1000;
    print(
      `latency, message due → outcome and replies committed (reply row in the outbox), SQLite, ${count} messages at ${RATE}/s`,
    );
    print(
      `  (said at ${achieved.toFixed(1)}/s over ${(sayingMs / 1000).toFixed(1)} s, after ${WARM_UP} warm-up messages not counted)`,
    );
    print('  kind         count      p50         p95         p99         max');
    print(latencyLine('all', said.map(latency)));
    for (const kind of MIX_KINDS) {
      print(latencyLine(kind, said.filter((s) => s.kind === kind).map(latency)));
    }
    const p99 = percentile(
      said.map(latency).sort((a, b) => a - b),
      99,
    );
    print(`  target: p99 ≤ ${TARGET_P99_MS} ms at 50 msg/s → ${p99 <= TARGET_P99_MS ? 'met' : 'NOT met'}`);
  } finally {
    await bench.stop();
  }
}

/** The resident set once garbage is collected (when node runs with --expose-gc), in MB. */
async function settledRssMb(bench: Bench): Promise<{ rss: number; heap: number }> {
  // every reply sent too, so that no queue holds messages in flight when memory is read
  await bench.app.settle(60_000);
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await sleep(50);
  }
  const usage = process.memoryUsage();
  return { rss: usage.rss / 2 ** 20, heap: usage.heapUsed / 2 ** 20 };
}

/** Feeds the mix as fast as the pipeline reads it, with at most IN_FLIGHT messages said and not yet read. */
async function sayAsTaken(bench: Bench, messages: readonly MixMessage[]): Promise<void> {
  const keys: string[] = [];
  for (const m of messages) {
    while (keys.length - bench.readAt.size >= IN_FLIGHT) {
      await sleep(1);
    }
    keys.push(bench.say(m));
  }
  await untilRead(bench, keys, 120_000);
}

async function measureRss(): Promise<void> {
  const mix = messageMix(RSS_TO, 7000);
  const bench = await startBench();
  try {
    const idle = await settledRssMb(bench);
    const started = performance.now();
    await sayAsTaken(bench, mix.slice(0, RSS_FROM));
    const first = await settledRssMb(bench);
    await sayAsTaken(bench, mix.slice(RSS_FROM));
    const last = await settledRssMb(bench);
    const seconds = (performance.now() - started) / 1000;
    const growth = last.rss - first.rss;
    const mb = (n: number) => `${n.toFixed(1).padStart(6)} MB`;
    const at = (label: string, m: { rss: number; heap: number }) =>
      print(`  ${label.padEnd(20)} RSS ${mb(m.rss)}, heap used ${mb(m.heap)}`);
    print(
      `memory, the same mix as fast as the pipeline takes it (${RSS_TO} messages in ${seconds.toFixed(0)} s)`,
    );
    print(
      globalThis.gc
        ? '  (read after global.gc(), with every message read and every reply sent)'
        : '  (global.gc unavailable: run with `tsx --expose-gc`; the figures include uncollected garbage)',
    );
    at('bot up, no messages', idle);
    at(`after ${RSS_FROM} messages`, first);
    at(`after ${RSS_TO} messages`, last);
    print(
      `  RSS growth ${mb(growth)} (heap ${mb(last.heap - first.heap)}); target ≤ ${TARGET_RSS_MB} MB → ${growth <= TARGET_RSS_MB ? 'met' : 'NOT met'}`,
    );
    print("  (includes the sandbox's mock puppet, which keeps every message it delivered in a Map)");
  } finally {
    await bench.stop();
  }
}

// memory first, in a process that has not run a bot yet: the pages an earlier bot's heap grew into stay in
// the RSS after it stops, and the second bot's growth would hide in them
await measureRss();
await measureLatency();
process.exit(0);
