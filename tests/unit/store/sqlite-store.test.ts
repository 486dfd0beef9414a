import { sql } from 'kysely';
import { openKyselyTicketStore } from '../../../src/store/open-ticket-store.js';
import { describeTicketStore } from '../../contract/ticket-store.contract.js';

describeTicketStore('SQLite :memory:', async () => {
  const store = await openKyselyTicketStore({ sqlitePath: ':memory:' });
  return {
    store,
    tamper: async (statement) => {
      await sql.raw(statement).execute(store.db);
    },
    close: () => store.close(),
  };
});
