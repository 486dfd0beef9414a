/**
 * 1, 2 and 4 intake worker processes (`npm run worker:intake`) on one PostgreSQL store and one Redis: the
 * bot records a burst of the group mix and queues it; the workers read it. Prints messages/s, the speed-up
 * over one worker, and the duplicate tickets (two open grievances about one problem at one place, which
 * the second report should have joined). `npx tsx bench/intake-workers.bench.ts [MESSAGES]` (1,000 by
 * default); PostgreSQL from BENCH_DATABASE_URL or TEST_DATABASE_URL, each run on a schema of its own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp } from '../src/compose.js';
import { parseConfig } from '../src/config.js';
import { silentLogger } from '../src/logger.js';
import type { Ticket } from '../src/tickets/ticket.js';
import { dropSchema } from '../tests/helpers/postgres-schema.js';
import { benchEnv } from './bench-config.js';
import { readBurst } from './burst.js';

const MESSAGES = Number(process.argv[2] ?? 1000);
const WORKERS = [1, 2, 4];
const PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const print = (line: string) => process.stdout.write(`${line}\n`);

type Run = {
  workers: number;
  rate: number;
  tickets: number;
  byIntent: string;
  duplicates: number;
  auditOk: boolean;
};

/** Starts one intake worker process on the bot's store and queues; resolves once it is consuming. */
function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/intake.worker.ts'], {
    env: { ...process.env, ...env, LOG_LEVEL: 'info' },
    // the worker logs to stderr: read it until it is ready, then let the rest go
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('worker.intake.ready')) {
        child.stderr?.off('data', onData);
        child.stderr?.resume();
        resolve(child);
      }
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`an intake worker exited with ${code} before it was ready`)),
    );
  });
}

function stopWorker(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Open grievances beyond the first about one category at one building: each should have been a co-report. */
export function duplicateTickets(tickets: readonly Ticket[]): number {
  const groups = new Map<string, number>();
  for (const t of tickets) {
    if (t.intent === 'grievance' && t.location.building !== null && t.status !== 'merged') {
      const key = `${t.location.building}|${t.category}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
  }
  return [...groups.values()].reduce((sum, n) => sum + n - 1, 0);
}

async function run(databaseUrl: string, workers: number): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shaozi-bench-'));
  const schema = `shaozi_bench_${randomUUID().replaceAll('-', '')}`;
  const env = benchEnv(dataDir, `bench-${randomUUID()}`, {
    DATABASE_URL: databaseUrl,
    DATABASE_SCHEMA: schema,
    INLINE_WORKERS: 'false',
  });
  const config = parseConfig(env);
  // the bot first: it makes the schema the workers open
  const app = await composeApp({ config, logger: silentLogger });
  const children: ChildProcess[] = [];
  try {
    children.push(...(await Promise.all(Array.from({ length: workers }, () => startWorker(env)))));
    const rate = await readBurst(app, MESSAGES, Number(process.env.BENCH_DEADLINE_MS ?? 300_000));
    const tickets = await app.tickets.listTickets();
    const audit = await app.tickets.verifyAudit();
    return {
      workers,
      rate,
      tickets: tickets.length,
      byIntent: ['grievance', 'emergency', 'inquiry']
        .map((intent) => tickets.filter((t) => t.intent === intent).length)
        .join('/'),
      duplicates: duplicateTickets(tickets),
      auditOk: audit.ok,
    };
  } finally {
    await Promise.all(children.map(stopWorker));
    await app.queue.obliterate().catch(() => undefined);
    await app.timers.obliterate().catch(() => undefined);
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await dropSchema(databaseUrl, schema);
  }
}

if (!PG_URL) {
  print('intake workers: PostgreSQL skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL to measure it)');
  process.exit(0);
}
print(`intake worker processes on PostgreSQL: ${MESSAGES} messages of a group mix per run`);
print('  workers   msg/s  ×1 worker  tickets (grievance/emergency/question)  duplicates  audit');
let one = 0;
for (const n of WORKERS) {
  const r = await run(PG_URL, n);
  one ||= r.rate;
  print(
    `  ${String(n).padStart(7)}  ${r.rate.toFixed(0).padStart(6)}  ${(r.rate / one).toFixed(2).padStart(9)}  ${String(r.tickets).padStart(7)} (${r.byIntent})${' '.repeat(Math.max(1, 29 - r.byIntent.length))}${String(r.duplicates).padStart(10)}  ${r.auditOk ? 'ok' : 'BROKEN'}`,
  );
}
process.exit(0);
