import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteDialect } from 'kysely';

/** How many prepared statements one store keeps (intake uses a few dozen distinct ones). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as Kysely's SQLite driver uses it, with each statement prepared once and reused: the driver
 * prepares every query afresh, which costs more than running most of ours. The oldest statement is dropped
 * once the cache is full; a statement still iterating (a streamed query) is never handed out twice.
 */
export function withStatementCache(
  database: Database.Database,
  size = STATEMENT_CACHE_SIZE,
): Pick<Database.Database, 'prepare' | 'close'> {
  const cache = new Map<string, Database.Statement>();
  return {
    prepare: ((sql: string) => {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // most recently used last, so the first key is the one to drop
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > size) {
        cache.delete(cache.keys().next().value as string);
      }
      return statement;
    }) as Database.Database['prepare'],
    close: () => database.close(),
  };
}

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
  return new SqliteDialect({ database: withStatementCache(database) });
}
