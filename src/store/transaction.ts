import { type Kysely, sql } from 'kysely';
import type { StoreDatabase } from './schema/database.js';

export type DialectKind = 'sqlite' | 'postgres';
export type StoreDb = Kysely<StoreDatabase>;

const BEGIN: Record<DialectKind, Record<'write' | 'read', string>> = {
  // IMMEDIATE takes SQLite's write lock up front (waiting busy_timeout), so a read-then-write
  // transaction never fails halfway because another process wrote in between.
  sqlite: { write: 'begin immediate', read: 'begin' },
  postgres: { write: 'begin', read: 'begin isolation level repeatable read read only' },
};

/** Thrown inside a transaction to roll it back and still return a value. */
class Rollback<T> {
  constructor(readonly value: T) {}
}

/** Ends the current transaction without writing anything, making it return `value`. */
export function rollbackWith<T>(value: T): never {
  throw new Rollback(value);
}

/**
 * Runs `work` in one transaction on one connection: committed when it returns, rolled back when it
 * throws (or calls rollbackWith). `work` must use only the `trx` it is given.
 */
export function inTransaction<T>(
  db: StoreDb,
  kind: DialectKind,
  mode: 'write' | 'read',
  work: (trx: StoreDb) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (trx) => {
    await sql.raw(BEGIN[kind][mode]).execute(trx);
    try {
      const value = await work(trx);
      await sql.raw('commit').execute(trx);
      return value;
    } catch (error) {
      await sql.raw('rollback').execute(trx);
      if (error instanceof Rollback) {
        return error.value as T;
      }
      throw error;
    }
  });
}
