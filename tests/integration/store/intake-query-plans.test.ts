import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CompiledQuery, Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_STATUSES } from '../../../src/intake/related-tickets.js';
import { KyselyTicketStore } from '../../../src/store/kysely-ticket-store.js';
import { openKyselyTicketStore } from '../../../src/store/open-ticket-store.js';
import { createPgDialect } from '../../../src/store/pg-dialect.js';
import type { StoreDatabase } from '../../../src/store/schema/database.js';
import { createSqliteDialect } from '../../../src/store/sqlite-dialect.js';
import type { DialectKind } from '../../../src/store/transaction.js';
import type { TicketStore } from '../../../src/tickets/ticket-store.js';
import { dropSchema } from '../../helpers/postgres-schema.js';
import { seedTicketHistory } from '../../helpers/ticket-history.js';

const HISTORY = 30_000;
const NOW = new Date('2026-12-06T08:00:00.000Z');
const HOUR_MS = 3600_000;
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR_MS);
const url = process.env.TEST_DATABASE_URL;

/**
 * A window of time on an index: the place's or the room's, or (where the planner finds it narrower with
 * statistics) the creation time alone; either way only the window's tickets are read.
 */
const WINDOWED = /tickets_place_created|tickets_status_created|tickets_room_created|tickets_created_at/;
/** Emergencies of a window: the intent's own range of it, or (PostgreSQL, where statistics find the window empty) the window. */
const EMERGENCIES = new RegExp(`tickets_intent_created|${WINDOWED.source}`);

/** Each intake-path query, as intake asks it, with the index its plan must start from. */
const QUERIES: Array<{ name: string; indexes: RegExp[]; run: (store: TicketStore) => Promise<unknown> }> = [
  {
    name: 'open duplicate at a building',
    indexes: [WINDOWED],
    run: (s) =>
      s.ticketsAtPlace({
        place: { building: 3 },
        categories: ['elevator'],
        statuses: OPEN_STATUSES,
        createdFrom: ago(72),
        limit: 1,
      }),
  },
  {
    name: 'open duplicate at a landmark, in neighbouring categories',
    indexes: [WINDOWED],
    run: (s) =>
      s.ticketsAtPlace({
        place: { building: null, landmark: '东门' },
        categories: ['road_facility', 'sanitation'],
        statuses: OPEN_STATUSES,
        createdFrom: ago(72),
        limit: 1,
      }),
  },
  {
    name: 'open supply problem anywhere in the compound',
    indexes: [new RegExp(`tickets_area_created|${WINDOWED.source}`)],
    run: (s) =>
      s.ticketsAtPlace({
        place: { area: '幸福里一区' },
        categories: ['power'],
        statuses: OPEN_STATUSES,
        createdFrom: ago(12),
        limit: 1,
      }),
  },
  {
    name: 'recurrence closed within the window',
    indexes: [/tickets_place_closed/],
    run: (s) =>
      s.ticketsAtPlace({
        place: { building: 3 },
        categories: ['elevator'],
        statuses: ['closed'],
        closedFrom: ago(30 * 24),
        limit: 1,
      }),
  },
  {
    name: 'open emergency in this group',
    indexes: [EMERGENCIES],
    run: (s) =>
      s.recentTickets({
        statuses: OPEN_STATUSES,
        createdFrom: ago(24),
        intent: 'emergency',
        sameRoomAs: { roomId: 'room-b3', room: '3号楼业主群' },
        limit: 1,
      }),
  },
  {
    name: 'open emergencies in the community',
    indexes: [EMERGENCIES],
    run: (s) =>
      s.recentTickets({ statuses: OPEN_STATUSES, createdFrom: ago(1), intent: 'emergency', limit: 100 }),
  },
  {
    name: "a resident's latest open or resolved ticket in a group",
    indexes: [/tickets_reporter_id_number/, /tickets_reporter(_id)?_number/, /tickets_status/],
    run: (s) =>
      s.ticketsOfPerson({
        person: { id: 'wxid-history-17', name: '住户17' },
        statuses: [...OPEN_STATUSES, 'resolved'],
        reportedInOrPrivately: 'room-b3',
        limit: 1,
      }),
  },
  {
    name: "an assignee's resolved or recently closed tickets in a group",
    // resolved tickets await their reporters for two days at most: the status alone is a narrow range too
    indexes: [/tickets_room_status_closed|tickets_status\b/, /tickets_room_status_closed/],
    run: (s) =>
      s.ticketsAssignedTo({
        assignee: '李明',
        roomId: 'room-b3',
        statuses: ['resolved', 'closed'],
        closedFrom: ago(7 * 24),
        limit: 100,
      }),
  },
  {
    name: "an assignee's latest ticket in a group",
    indexes: [/tickets_room_created/],
    run: (s) => s.ticketsAssignedTo({ assignee: '李明', roomId: 'room-b3', limit: 1 }),
  },
  {
    name: "this month's and holding tickets' resource engagements",
    indexes: [/ticket_events_type_at/, /tickets_status|ticket_events_ticket_seq|ticket_events_type_at/],
    run: (s) => s.engagementEvents({ since: ago(24 * 5), holding: OPEN_STATUSES }),
  },
  {
    name: "a sender's aggregation window",
    indexes: [/messages_sender_sent_at/],
    run: (s) =>
      s.recentMessages({ senderId: 'wxid-history-17', roomId: 'room-1', since: ago(0.02), limit: 100 }),
  },
];

/** Past events (a `created` for each ticket, an engagement on one in fifty) and messages, in bulk. */
async function seedEventsAndMessages(db: Kysely<StoreDatabase>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let first = 1; first <= HISTORY; first += 500) {
      const numbers = Array.from({ length: Math.min(500, HISTORY - first + 1) }, (_, i) => first + i);
      await trx
        .insertInto('ticket_events')
        .values(
          numbers.map((n) => ({
            ...{ id: n, ticket_number: n, seq: 1, at: new Date(NOW.getTime() - n * 60_000).toISOString() },
            ...{ actor: '住户', type: n % 50 === 0 ? 'resource_engaged' : 'created', detail: '{}' },
            ...{ prev_hash: '', hash: `h${n}`, state_hash: `s${n}` },
          })),
        )
        .execute();
      await trx
        .insertInto('messages')
        .values(
          numbers.map((n) => ({
            ...{
              key: `m${n}`,
              room_id: 'room-1',
              room: '幸福里一区业主群',
              sender_id: `wxid-history-${n % 3000}`,
            },
            ...{ sender: `住户${n % 3000}`, text: '收到', kind: 'text', mentions_bot: 0 },
            sent_at: new Date(NOW.getTime() - n * 60_000).toISOString(),
            received_at: new Date(NOW.getTime() - n * 60_000).toISOString(),
            ...{ ticket_number: null, intent: 'chatter', handled_at: NOW.toISOString() },
          })),
        )
        .execute();
    }
  });
}

/** A store whose every query is captured (through Kysely's log), and a way to read a query's plan. */
function planned(dialect: DialectKind, open: (log: (q: CompiledQuery) => void) => Kysely<StoreDatabase>) {
  const captured: CompiledQuery[] = [];
  const db = open((q) => captured.push(q));
  const explain = async (query: CompiledQuery): Promise<string> => {
    const prefix = dialect === 'sqlite' ? 'explain query plan ' : 'explain ';
    const rows = await db.executeQuery<Record<string, unknown>>({
      ...query,
      sql: prefix + query.sql,
    } as CompiledQuery<Record<string, unknown>>);
    return rows.rows.map((r) => String(r.detail ?? r['QUERY PLAN'])).join('\n');
  };
  return { store: new KyselyTicketStore(db, dialect), captured, explain };
}

const logTo = (capture: (q: CompiledQuery) => void) => (event: { level: string; query: CompiledQuery }) => {
  if (event.level === 'query') {
    capture(event.query);
  }
};

function describePlans(
  name: string,
  dialect: DialectKind,
  setUp: () => Promise<{ planned: ReturnType<typeof planned>; close(): Promise<void> }>,
): void {
  describe(`intake queries over ${HISTORY} tickets of history: ${name}`, () => {
    let harness: Awaited<ReturnType<typeof setUp>>;
    beforeAll(async () => {
      harness = await setUp();
    }, 120_000);
    afterAll(async () => {
      await harness?.close();
    });

    it.each(QUERIES)('$name starts from its index and scans no table', async (q) => {
      const { store, captured, explain } = harness.planned;
      captured.length = 0;

      await q.run(store);
      const plans = await Promise.all(captured.map(explain));

      expect(plans).toHaveLength(q.indexes.length);
      for (const [i, plan] of plans.entries()) {
        expect(plan).toMatch(q.indexes[i] as RegExp);
        // SQLite's SCAN and PostgreSQL's Seq Scan read a whole table; so does a walk down the primary key
        expect(plan).not.toMatch(
          dialect === 'sqlite' ? /\bSCAN (tickets|ticket_events|messages)\b/ : /Seq Scan/,
        );
        expect(plan).not.toMatch(/Index Scan Backward using tickets_pkey/);
      }
    });
  });
}

describePlans('SQLite', 'sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shaozi-plans-'));
  const path = join(dir, 'shaozi.db');
  const seeding = await openKyselyTicketStore({ sqlitePath: path });
  await seedTicketHistory(seeding, HISTORY, NOW);
  await seedEventsAndMessages(seeding.db);
  await seeding.close();
  const p = planned(
    'sqlite',
    (capture) => new Kysely({ dialect: createSqliteDialect(path), log: logTo(capture) }),
  );
  return {
    planned: p,
    close: async () => {
      await p.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe.runIf(url)('PostgreSQL', () => {
  const databaseUrl = url ?? '';
  describePlans('PostgreSQL', 'postgres', async () => {
    const schema = `shaozi_test_${randomUUID().replaceAll('-', '')}`;
    const seeding = await openKyselyTicketStore({ databaseUrl, sqlitePath: ':unused:', schema });
    await seedTicketHistory(seeding, HISTORY, NOW);
    await seedEventsAndMessages(seeding.db);
    // what autovacuum does after a bulk load: the planner needs the tables' statistics
    await sql`analyze`.execute(seeding.db);
    await seeding.close();
    const p = planned(
      'postgres',
      (capture) => new Kysely({ dialect: createPgDialect(databaseUrl, schema), log: logTo(capture) }),
    );
    return {
      planned: p,
      close: async () => {
        await p.store.close();
        await dropSchema(databaseUrl, schema);
      },
    };
  });
});
