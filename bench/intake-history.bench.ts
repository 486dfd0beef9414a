/**
 * Intake throughput against raw BullMQ, on SQLite and on PostgreSQL, with an empty store and with 30,000
 * tickets of history. `npx tsx bench/intake-history.bench.ts [MESSAGES] [HISTORY]` (500 and 30,000 by
 * default); PostgreSQL from BENCH_DATABASE_URL or TEST_DATABASE_URL, on a schema of its own.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { composeApp } from '../src/compose.js';
import { silentLogger } from '../src/logger.js';
import { openKyselyTicketStore } from '../src/store/open-ticket-store.js';
import { dropSchema } from '../tests/helpers/postgres-schema.js';
import { seedTicketHistory } from '../tests/helpers/ticket-history.js';
import { BENCH_REDIS_URL, benchConfig } from './bench-config.js';
import { readBurst } from './burst.js';

const MESSAGES = Number(process.argv[2] ?? 500);
const HISTORY = Number(process.argv[3] ?? 30_000);
const RAW_JOBS = 3000;
const REDIS_URL = BENCH_REDIS_URL;
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const print = (line: string) => process.stdout.write(`${line}\n`);

/** Trivial jobs added and completed by one worker at concurrency 1: the ceiling intake runs under. */
async function rawBullmqRate(): Promise<number> {
  const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const prefix = `bench-${randomUUID()}`;
  const queue = new Queue('raw', { connection, prefix });
  let done = 0;
  let finish = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const worker = new Worker('raw', async () => undefined, { connection, prefix, concurrency: 1 });
  worker.on('completed', () => {
    done++;
    if (done === RAW_JOBS) {
      finish();
    }
  });
  await worker.waitUntilReady();
  const started = performance.now();
  for (let i = 0; i < RAW_JOBS; i++) {
    await queue.add('noop', { i }, { removeOnComplete: true });
  }
  await finished;
  const elapsed = performance.now() - started;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await connection.quit();
  return (RAW_JOBS / elapsed) * 1000;
}

type StoreKind = 'SQLite' | 'PostgreSQL';

/** The whole intake (message → ticket → replies queued) over a burst on the sandbox chat, in messages/s. */
async function pipelineRate(kind: StoreKind, history: number): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shaozi-bench-'));
  const schema = `shaozi_bench_${randomUUID().replaceAll('-', '')}`;
  const databaseUrl = kind === 'PostgreSQL' ? PG_URL : undefined;
  const store = await openKyselyTicketStore({
    ...(databaseUrl ? { databaseUrl, schema } : {}),
    sqlitePath: join(dataDir, 'shaozi.db'),
  });
  if (history > 0) {
    await seedTicketHistory(store, history, new Date());
  }
  await store.close();
  const app = await composeApp({
    config: benchConfig(
      dataDir,
      `bench-${randomUUID()}`,
      databaseUrl ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema } : {},
    ),
    logger: silentLogger,
  });
  try {
    const rate = await readBurst(app, MESSAGES, 170_000);
    return rate;
  } finally {
    await app.queue.obliterate().catch(() => undefined);
    await app.timers.obliterate().catch(() => undefined);
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (databaseUrl) {
      await dropSchema(databaseUrl, schema);
    }
  }
}

const fmt = (n: number) => n.toFixed(0).padStart(6);
const ratio = (n: number) => n.toFixed(2).padStart(5);

const raw = await rawBullmqRate();
print(`intake throughput: ${MESSAGES} messages of a group mix per run, history ${HISTORY} tickets`);
print(`  raw BullMQ add→complete, concurrency 1: ${fmt(raw)} jobs/s`);
print('  store        empty msg/s  ×raw   history msg/s  ×raw   history/empty');
const stores: StoreKind[] = PG_URL ? ['SQLite', 'PostgreSQL'] : ['SQLite'];
for (const kind of stores) {
  const empty = await pipelineRate(kind, 0);
  const loaded = await pipelineRate(kind, HISTORY);
  print(
    `  ${kind.padEnd(11)} ${fmt(empty)}      ${ratio(empty / raw)}  ${fmt(loaded)}         ${ratio(loaded / raw)}  ${ratio(loaded / empty)}`,
  );
}
if (!PG_URL) {
  print('  PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL to measure it');
}
process.exit(0);
