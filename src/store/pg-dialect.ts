import { PostgresDialect } from 'kysely';
import pg from 'pg';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A Kysely dialect over a pg Pool whose connections all use `schema` as their search path. */
export function createPgDialect(databaseUrl: string, schema: string): PostgresDialect {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid PostgreSQL schema name: ${schema}`);
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
  // an idle client that loses its server emits here; without a listener the process would crash
  pool.on('error', () => {});
  return new PostgresDialect({ pool });
}
