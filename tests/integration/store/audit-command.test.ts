import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAuditVerify } from '../../../src/cli/audit-command.js';
import { openKyselyTicketStore, SQLITE_FILE_NAME } from '../../../src/store/open-ticket-store.js';
import { create, noteEvent } from '../../contract/ticket-store.contract.js';

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (line: string) => out.push(line), stderr: (line: string) => err.push(line) },
  };
}

describe('runAuditVerify', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shaozi-audit-'));
    file = join(dir, SQLITE_FILE_NAME);
    const store = await openKyselyTicketStore({ sqlitePath: file });
    await create(store);
    await store.change(1, { event: noteEvent('接单'), patch: { status: 'accepted' } });
    await create(store);
    await store.close();
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints one summary line and exits 0 when the chain is intact', async () => {
    const { out, err, io } = captureIo();

    const code = await runAuditVerify(['verify', '--db', file], io, {});

    expect(code).toBe(0);
    expect(out).toEqual(['audit ok: 2 tickets, 3 events, chain intact']);
    // a store made without the audit key: the chain is checked, the signatures cannot be
    expect(err).toEqual([expect.stringContaining('signatures were not checked')]);
  });

  it('checks DATA_DIR/shaozi.db when no --db is given', async () => {
    const { out, io } = captureIo();

    const code = await runAuditVerify([], io, { DATA_DIR: dir });

    expect(code).toBe(0);
    expect(out).toEqual(['audit ok: 2 tickets, 3 events, chain intact']);
  });

  it('names the ticket and event where the chain breaks and exits 1', async () => {
    const store = await openKyselyTicketStore({ sqlitePath: file });
    await sql`update ticket_events set actor = 'someone' where ticket_number = 1 and seq = 2`.execute(
      store.db,
    );
    await store.close();
    const { out, io } = captureIo();

    const code = await runAuditVerify(['--db', file], io, {});

    expect(code).toBe(1);
    expect(out).toEqual(['audit broken at ticket #1, event 2: event hash mismatch']);
  });

  it('refuses a --db file that does not exist, without creating it', async () => {
    const { out, err, io } = captureIo();

    const code = await runAuditVerify(['verify', `--db=${join(dir, 'missing.db')}`], io, {});

    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual([`no such database file: ${join(dir, 'missing.db')}`]);
  });

  it('rejects unknown arguments with the usage', async () => {
    const { err, io } = captureIo();

    expect(await runAuditVerify(['--bogus'], io, {})).toBe(2);
    expect(err[0]).toContain('usage: shaozi audit verify [--db FILE]');
  });
});
