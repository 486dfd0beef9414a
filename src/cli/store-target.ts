import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseConfig } from '../config.js';
import { AUDIT_KEY_FILE } from '../store/audit-seal.js';
import { SQLITE_FILE_NAME, type TicketStoreOptions } from '../store/open-ticket-store.js';

/** A store a command opens, with the folder beside it that holds the audit key and anchors. */
export type StoreTarget = TicketStoreOptions & { dataDir: string };

/**
 * The store a command reads: `--db FILE` (an existing SQLite file, its folder as the data folder) or the
 * configured one (DATABASE_URL, else DATA_DIR/shaozi.db). A string is what was wrong, for one line on stderr.
 */
export function storeTarget(
  dbFile: string | undefined,
  env: Record<string, string | undefined>,
): StoreTarget | string {
  if (dbFile !== undefined) {
    return existsSync(dbFile)
      ? { sqlitePath: dbFile, dataDir: dirname(dbFile), ...auditKeyOf(env.AUDIT_KEY, dirname(dbFile)) }
      : `no such database file: ${dbFile}`;
  }
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(env);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
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
