import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteDialect } from 'kysely';

/** A Kysely dialect over one better-sqlite3 file (its folder is created) or `:memory:`. */
export function createSqliteDialect(path: string): SqliteDialect {
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true });
  }
  const database = new Database(path);
  // WAL lets readers in other processes (workers, `audit verify`) run beside the writer.
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  return new SqliteDialect({ database });
}
