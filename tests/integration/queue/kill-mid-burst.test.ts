import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startRedisProcess } from '../../helpers/redis-process.js';
import { roomOfBuilding } from '../../helpers/rooms.js';

/** 60 reports of 60 different problems: two kinds in each of 30 buildings. */
const REPORTS = Array.from({ length: 60 }, (_, i) => {
  const b = (i % 30) + 1;
  const text = i < 30 ? `${b}号楼楼道灯坏了好几天了，晚上黑乎乎的` : `${b}号楼楼下垃圾桶满了没人清，味道很大`;
  return { room: roomOfBuilding(b), from: `住户${i}`, text };
});

let children: ChildProcess[] = [];
let dataDir = '';
afterEach(() => {
  for (const child of children) {
    child.kill('SIGKILL');
  }
  children = [];
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the bot in a child process on the shared store and queues; resolves once it is ready. */
async function startChild(env: Record<string, string>): Promise<ChildProcess & { said: () => number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/bot-child.ts'], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  let said = 0;
  await new Promise<void>((resolve, reject) => {
    // a child compiles and loads the whole bot: on a busy two-core machine that has taken more than 30 s
    const timer = setTimeout(() => reject(new Error('child bot did not start')), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line === 'ready') {
          clearTimeout(timer);
          resolve();
        }
        const m = /^said (\d+)/.exec(line);
        if (m) {
          said = Number(m[1]);
        }
      }
    });
    child.on('exit', (code) => reject(new Error(`child bot exited with ${code}`)));
  });
  return Object.assign(child, { said: () => said });
}

function readStore(file: string) {
  const db = new Database(file, { readonly: true });
  const messages = db.prepare('select key, handled_at from messages').all() as Array<{
    key: string;
    handled_at: string | null;
  }>;
  const tickets = db.prepare('select number, location_building as b, category from tickets').all() as Array<{
    b: number;
    category: string;
  }>;
  db.close();
  return { messages, tickets };
}

/** The environment of a child bot on a fresh store; the watchdog recovers within a second or two. */
function childEnv(redisUrl?: string): Record<string, string> {
  dataDir = mkdtempSync(join(tmpdir(), 'shaozi-kill-'));
  const url = redisUrl ?? process.env.REDIS_URL;
  return {
    DATA_DIR: dataDir,
    QUEUE_PREFIX: `test-${randomUUID()}`,
    LOG_LEVEL: 'silent',
    SWEEP_INTERVAL_S: '0',
    DIGEST_CRON: 'off',
    RECOVERY_INTERVAL_S: '1',
    RECOVERY_GRACE_S: '1',
    OUTBOX_PER_MINUTE: '100000',
    ...(url ? { REDIS_URL: url } : {}),
  };
}

const storeFile = () => join(dataDir, 'shaozi.db');

async function untilStored(count: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && readStore(storeFile()).messages.length < count) {
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function killNow(child: ChildProcess): Promise<void> {
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
}

/** Waits until every stored message is read (at least `stored` of them), then counts what became of them. */
async function outcome(stored: number, label: string, atKill: ReturnType<typeof readStore>) {
  const until = Date.now() + 60_000;
  let store = readStore(storeFile());
  while (Date.now() < until) {
    store = readStore(storeFile());
    if (store.messages.length >= stored && store.messages.every((m) => m.handled_at !== null)) {
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const unread = store.messages.filter((m) => m.handled_at === null).length;
  const perProblem = new Map<string, number>();
  for (const t of store.tickets) {
    const key = `${t.b}:${t.category}`;
    perProblem.set(key, (perProblem.get(key) ?? 0) + 1);
  }
  const duplicates = [...perProblem.values()].filter((n) => n > 1).length;
  const unreadAtKill = atKill.messages.filter((m) => m.handled_at === null).length;
  process.stdout.write(
    `fault ${label}: ${atKill.messages.length} stored when killed (${unreadAtKill} unread), ${store.messages.length} stored in all, ${store.tickets.length} tickets; lost ${unread}, duplicate tickets ${duplicates}\n`,
  );
  return { unread, duplicates, unreadAtKill, store };
}

describe('fault: the bot killed with SIGKILL', () => {
  it('in the middle of a burst: every stored message read, no duplicate ticket after a restart (figures printed)', async () => {
    const env = childEnv();
    const first = await startChild(env);
    for (const r of REPORTS.slice(0, 40)) {
      first.stdin?.write(`${JSON.stringify(r)}\n`);
    }
    // kill it while the burst is being read: some reports stored, not all of them read
    await untilStored(10);
    await killNow(first);
    const atKill = readStore(storeFile());

    const second = await startChild(env);
    for (const r of REPORTS.slice(40)) {
      second.stdin?.write(`${JSON.stringify(r)}\n`);
    }
    const result = await outcome(atKill.messages.length + 20, 'kill-9', atKill);
    expect(result.unreadAtKill).toBeGreaterThan(0);
    expect(result.unread).toBe(0);
    expect(result.duplicates).toBe(0);
    expect(result.store.tickets.length).toBe(result.store.messages.length);
  }, 180_000);

  it('during a Redis outage, Redis then back without its data: nothing stored is lost (figures printed)', async () => {
    const redis = await startRedisProcess();
    try {
      const env = childEnv(redis.url);
      const first = await startChild(env);
      for (const r of REPORTS.slice(0, 20)) {
        first.stdin?.write(`${JSON.stringify(r)}\n`);
      }
      await untilStored(5);
      await redis.kill();
      // the outage: reports still arrive and are stored, their jobs cannot be queued
      for (const r of REPORTS.slice(20, 40)) {
        first.stdin?.write(`${JSON.stringify(r)}\n`);
      }
      await untilStored(30);
      await killNow(first);
      const atKill = readStore(storeFile());
      await redis.restart();

      await startChild(env);
      const result = await outcome(atKill.messages.length, 'crash-during-redis-outage', atKill);
      expect(result.unreadAtKill).toBeGreaterThan(0);
      expect(result.unread).toBe(0);
      expect(result.duplicates).toBe(0);
      expect(result.store.tickets.length).toBe(result.store.messages.length);
    } finally {
      await redis.stop();
    }
  }, 180_000);
});
