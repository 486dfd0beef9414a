import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openKyselyTicketStore } from '../../../src/store/open-ticket-store.js';
import { describeIntakeQueries } from '../../contract/intake-queries.contract.js';
import { create, describeTicketStore } from '../../contract/ticket-store.contract.js';
import { dropSchema } from '../../helpers/postgres-schema.js';

const url = process.env.TEST_DATABASE_URL;

const freshSchema = () => `shaozi_test_${randomUUID().replaceAll('-', '')}`;

describe.runIf(url)('PostgreSQL store', () => {
  const databaseUrl = url ?? '';

  const openSchemaStore = async () => {
    const schema = freshSchema();
    const store = await openKyselyTicketStore({ databaseUrl, sqlitePath: ':unused:', schema });
    return {
      store,
      tamper: async (statement: string) => {
        await sql.raw(statement).execute(store.db);
      },
      close: async () => {
        await store.close();
        await dropSchema(databaseUrl, schema);
      },
    };
  };

  describeTicketStore('PostgreSQL', openSchemaStore);
  describeIntakeQueries('PostgreSQL', openSchemaStore);

  it('keeps each schema apart and migrates once when opened again', async () => {
    const [one, two] = [freshSchema(), freshSchema()];
    const a = await openKyselyTicketStore({ databaseUrl, sqlitePath: ':unused:', schema: one });
    const b = await openKyselyTicketStore({ databaseUrl, sqlitePath: ':unused:', schema: two });
    await create(a);
    await a.close();

    const again = await openKyselyTicketStore({ databaseUrl, sqlitePath: ':unused:', schema: one });
    const numbers = [(await create(again)).ticket.number, (await create(b)).ticket.number];
    await again.close();
    await b.close();
    await dropSchema(databaseUrl, one);
    await dropSchema(databaseUrl, two);

    expect(numbers).toEqual([2, 1]);
  });

  it('numbers tickets consecutively when two pools write at once', async () => {
    const schema = freshSchema();
    const a = await openKyselyTicketStore({ databaseUrl, sqlitePath: ':unused:', schema });
    const b = await openKyselyTicketStore({ databaseUrl, sqlitePath: ':unused:', schema });

    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => create(i % 2 ? a : b)));
    const audit = await a.verifyAudit();
    await a.close();
    await b.close();
    await dropSchema(databaseUrl, schema);

    expect(results.map((r) => r.ticket.number).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(audit).toEqual({ ok: true, tickets: 20, events: 20 });
  });
});
