import { Kysely, Migrator } from 'kysely';
import type { TicketStore } from '../tickets/ticket-store.js';
import { createAuditSeal } from './audit-seal.js';
import { KyselyTicketStore } from './kysely-ticket-store.js';
import { createPgDialect } from './pg-dialect.js';
import type { StoreDatabase } from './schema/database.js';
import { migrationProvider } from './schema/migrations.js';
import { createSqliteDialect } from './sqlite-dialect.js';

/** File name of the embedded store inside DATA_DIR (and in `replay --out`). */
export const SQLITE_FILE_NAME = 'shaozi.db';

export type TicketStoreOptions = {
  /** PostgreSQL connection URL; SQLite at `sqlitePath` when unset. */
  databaseUrl?: string;
  /** SQLite file (its folder is created) or `:memory:`. */
  sqlitePath: string;
  /** PostgreSQL schema to keep the tables in (created if missing); `public` when unset. */
  schema?: string;
  /** The audit key (see audit-seal.ts); without it nothing is signed and signatures are not checked. */
  auditKey?: string;
};

/** Opens the store and brings its schema up to date; the concrete class, for tooling and tests. */
export async function openKyselyTicketStore(options: TicketStoreOptions): Promise<KyselyTicketStore> {
  const { databaseUrl } = options;
  const schema = options.schema ?? 'public';
  const db = new Kysely<StoreDatabase>({
    dialect: databaseUrl ? createPgDialect(databaseUrl, schema) : createSqliteDialect(options.sqlitePath),
  });
  // On PostgreSQL the migrator creates the schema and keeps its own tables there; without naming
  // the schema it would mistake another schema's migration table for ours.
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    ...(databaseUrl ? { migrationTableSchema: schema } : {}),
  });
  let { error } = await migrator.migrateToLatest();
  for (let attempt = 1; error !== undefined && isOtherSchemaGone(error, schema) && attempt < 3; attempt++) {
    ({ error } = await migrator.migrateToLatest());
  }
  if (error) {
    await db.destroy();
    throw new Error('store migration failed', { cause: error });
  }
  const seal = options.auditKey ? createAuditSeal(options.auditKey) : undefined;
  return new KyselyTicketStore(db, databaseUrl ? 'postgres' : 'sqlite', seal);
}

/**
 * Whether a migration failed only because another schema of the same database was dropped while the migrator
 * listed every schema's tables (PostgreSQL error 3F000 naming a schema not ours): a tenant's or a test's
 * schema going away, which a second try does not meet.
 */
export function isOtherSchemaGone(error: unknown, schema: string): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === '3F000' && typeof e.message === 'string' && !e.message.includes(`"${schema}"`);
}

/** Opens the configured store: PostgreSQL when `databaseUrl` is set, else SQLite at `sqlitePath`. */
export function openTicketStore(
  options: TicketStoreOptions,
): Promise<TicketStore & Pick<KyselyTicketStore, 'signUnsigned'>> {
  return openKyselyTicketStore(options);
}
