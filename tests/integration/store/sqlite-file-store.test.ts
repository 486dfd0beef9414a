import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openKyselyTicketStore } from '../../../src/store/open-ticket-store.js';
import { describeIntakeQueries } from '../../contract/intake-queries.contract.js';
import { create, describeTicketStore } from '../../contract/ticket-store.contract.js';

const execFileAsync = promisify(execFile);

const CHILD = fileURLToPath(new URL('./fixtures/create-tickets.ts', import.meta.url));

/** Runs the fixture in its own Node process (better-sqlite3 blocks its thread while it waits for a lock). */
async function runChild(path: string, count: number): Promise<void> {
  await execFileAsync(process.execPath, ['--import', 'tsx', CHILD, path, String(count)]);
}

async function openFileStore() {
  const dir = mkdtempSync(join(tmpdir(), 'shaozi-store-'));
  const store = await openKyselyTicketStore({ sqlitePath: join(dir, 'nested', 'shaozi.db') });
  return {
    store,
    tamper: async (statement: string) => {
      await sql.raw(statement).execute(store.db);
    },
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeTicketStore('SQLite file', openFileStore);
describeIntakeQueries('SQLite file', openFileStore);

describe('SQLite file store', () => {
  it('keeps tickets and numbering across a reopen without migrating twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shaozi-store-'));
    const path = join(dir, 'shaozi.db');
    const first = await openKyselyTicketStore({ sqlitePath: path });
    await create(first);
    await first.close();

    const second = await openKyselyTicketStore({ sqlitePath: path });
    const { ticket } = await create(second);
    const audit = await second.verifyAudit();
    await second.close();
    rmSync(dir, { recursive: true, force: true });

    expect(ticket.number).toBe(2);
    expect(audit).toEqual({ ok: true, tickets: 2, events: 2 });
  });

  it('serialises writers from several processes sharing the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shaozi-store-'));
    const path = join(dir, 'shaozi.db');
    const store = await openKyselyTicketStore({ sqlitePath: path });

    await Promise.all([runChild(path, 15), runChild(path, 15), runChild(path, 15)]);
    const numbers = (await store.listTickets()).map((t) => t.number);
    const audit = await store.verifyAudit();
    await store.close();
    rmSync(dir, { recursive: true, force: true });

    expect(numbers).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    expect(audit).toEqual({ ok: true, tickets: 45, events: 45 });
  });
});
