import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseConfig } from '../config.js';
import { readAnchors } from '../store/audit-anchors.js';
import { AUDIT_ANCHORS_FILE, AUDIT_KEY_FILE } from '../store/audit-seal.js';
import { openTicketStore, SQLITE_FILE_NAME, type TicketStoreOptions } from '../store/open-ticket-store.js';
import type { AuditResult } from '../tickets/ticket-store.js';
import type { CliIo } from './io.js';

const USAGE = 'usage: shaozi audit verify [--db FILE]';

type AuditTarget = TicketStoreOptions & { dataDir: string };

/** The store to check: `--db FILE` (SQLite) or the configured one; a string is a usage error. */
function storeOptions(args: string[], env: Record<string, string | undefined>): AuditTarget | string {
  const rest = args[0] === 'verify' ? args.slice(1) : args;
  let dbFile: string | undefined;
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i] ?? '';
    if (arg === '--db' && rest[i + 1] !== undefined) {
      dbFile = rest[i + 1];
      i += 1;
    } else if (arg.startsWith('--db=') && arg.length > 5) {
      dbFile = arg.slice(5);
    } else {
      return `unexpected argument: ${arg}\n${USAGE}`;
    }
  }
  if (dbFile !== undefined) {
    return existsSync(dbFile)
      ? { sqlitePath: dbFile, dataDir: dirname(dbFile), ...auditKeyOf(env.AUDIT_KEY, dirname(dbFile)) }
      : `no such database file: ${dbFile}`;
  }
  const config = parseConfig(env);
  const sqlitePath = join(config.DATA_DIR, SQLITE_FILE_NAME);
  const dataDir = config.DATA_DIR;
  const key = auditKeyOf(config.AUDIT_KEY, dataDir);
  return config.DATABASE_URL
    ? { databaseUrl: config.DATABASE_URL, sqlitePath, dataDir, ...key }
    : { sqlitePath, dataDir, ...key };
}

/** The audit key to check signatures with: AUDIT_KEY, else the key file beside the data; never made here. */
function auditKeyOf(envKey: string | undefined, dataDir: string): { auditKey?: string } {
  if (envKey) {
    return { auditKey: envKey };
  }
  const file = join(dataDir, AUDIT_KEY_FILE);
  return existsSync(file) ? { auditKey: readFileSync(file, 'utf8').trim() } : {};
}

/** The one line the command prints for an audit result. */
export function formatAudit(result: AuditResult): string {
  if (result.ok) {
    return `audit ok: ${result.tickets} tickets, ${result.events} events, chain intact`;
  }
  return `audit broken at ticket #${result.ticketNumber}, event ${result.seq}: ${result.reason}`;
}

/** `shaozi audit verify [--db FILE]`: 0 when the chain is intact, 1 when broken, 2 on bad usage or config. */
export async function runAuditVerify(
  args: string[],
  io: CliIo,
  env: Record<string, string | undefined>,
): Promise<number> {
  let options: AuditTarget | string;
  try {
    options = storeOptions(args, env);
  } catch (error) {
    options = error instanceof Error ? error.message : String(error);
  }
  if (typeof options === 'string') {
    io.stderr(options);
    return 2;
  }
  const store = await openTicketStore(options);
  try {
    const result = await store.verifyAudit({
      anchors: readAnchors(join(options.dataDir, AUDIT_ANCHORS_FILE)),
    });
    io.stdout(formatAudit(result));
    if (result.ok && options.auditKey === undefined) {
      io.stderr('no audit key found (AUDIT_KEY or audit.key beside the data): signatures were not checked');
    }
    return result.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}
