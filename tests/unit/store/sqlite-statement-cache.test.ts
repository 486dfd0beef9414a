import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from '../../../src/store/sqlite-dialect.js';

describe('the SQLite statement cache', () => {
  it('prepares a statement once and hands it out again, dropping the least recently used when full', () => {
    const db = new Database(':memory:');
    const cached = withStatementCache(db, 2);
    const a = cached.prepare('select 1 as n');

    expect(cached.prepare('select 1 as n')).toBe(a);
    const b = cached.prepare('select 2 as n');
    // a is used again after b, so b is the least recently used when a third comes
    cached.prepare('select 1 as n');
    cached.prepare('select 3 as n');
    expect(cached.prepare('select 1 as n')).toBe(a);
    expect(cached.prepare('select 2 as n')).not.toBe(b);
    db.close();
  });

  it('never hands out a statement that is still iterating', () => {
    const db = new Database(':memory:');
    const cached = withStatementCache(db);
    db.exec('create table t (n integer); insert into t values (1), (2), (3);');
    const first = cached.prepare('select n from t order by n');
    const rows = first.iterate();
    rows.next();

    const second = cached.prepare('select n from t order by n');
    expect(second).not.toBe(first);
    expect(second.all()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    rows.return?.();
    db.close();
  });

  it('gives Kysely the same answers as fresh statements, across writes and a schema change', async () => {
    const db = new Database(':memory:');
    const kysely = new Kysely<{ t: { n: number; label?: string | null } }>({
      dialect: new SqliteDialect({ database: withStatementCache(db) }),
    });
    await kysely.schema.createTable('t').addColumn('n', 'integer').execute();
    const read = () => kysely.selectFrom('t').selectAll().orderBy('n').execute();
    await kysely.insertInto('t').values({ n: 1 }).execute();
    expect(await read()).toEqual([{ n: 1 }]);
    await kysely.insertInto('t').values({ n: 2 }).execute();
    expect(await read()).toEqual([{ n: 1 }, { n: 2 }]);

    await sql`alter table t add column label text`.execute(kysely);
    await kysely.insertInto('t').values({ n: 3, label: '三' }).execute();
    expect(await read()).toEqual([
      { n: 1, label: null },
      { n: 2, label: null },
      { n: 3, label: '三' },
    ]);
    await kysely.destroy();
  });
});
