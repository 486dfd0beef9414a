import type { Kysely, Migration, MigrationProvider } from 'kysely';

// Migrations take Kysely<any> because they must keep working after StoreDatabase changes.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/** 0001: the whole first schema, with portable types only (integer, text, double precision). */
const initial: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createTable('tickets')
      .addColumn('number', 'integer', (c) => c.primaryKey())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('intent', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('tiao_kuai', 'text', (c) => c.notNull())
      .addColumn('urgency', 'text', (c) => c.notNull())
      .addColumn('location_compound', 'text')
      .addColumn('location_building', 'integer')
      .addColumn('location_unit', 'integer')
      .addColumn('location_room', 'integer')
      .addColumn('location_landmark', 'text')
      .addColumn('grid', 'text')
      .addColumn('party_branch', 'text')
      .addColumn('assignees', 'text', (c) => c.notNull())
      .addColumn('reporter', 'text', (c) => c.notNull())
      .addColumn('reporter_id', 'text')
      .addColumn('co_reporters', 'text', (c) => c.notNull())
      .addColumn('room', 'text')
      .addColumn('room_id', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('respond_by', 'text')
      .addColumn('resolve_by', 'text')
      .addColumn('responded_at', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('confirmation', 'text')
      .addColumn('rating', 'integer')
      .addColumn('reopen_count', 'integer', (c) => c.notNull())
      .addColumn('recurrence_of', 'integer')
      .addColumn('merged_into', 'integer')
      .addColumn('overdue', 'integer', (c) => c.notNull())
      .addColumn('escalation_level', 'integer', (c) => c.notNull())
      .addColumn('return_count', 'integer', (c) => c.notNull())
      .addColumn('transfer_count', 'integer', (c) => c.notNull())
      .addColumn('joint_bodies', 'text', (c) => c.notNull())
      .addColumn('evidence', 'text', (c) => c.notNull())
      .addColumn('classified_by', 'text', (c) => c.notNull())
      .addColumn('confidence', 'double precision', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('tickets_status').on('tickets').column('status').execute();
    await db.schema.createIndex('tickets_created_at').on('tickets').column('created_at').execute();

    await db.schema
      .createTable('ticket_events')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('ticket_number', 'integer', (c) => c.notNull().references('tickets.number'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addColumn('state_hash', 'text', (c) => c.notNull())
      .addUniqueConstraint('ticket_events_ticket_seq', ['ticket_number', 'seq'])
      .execute();

    await db.schema
      .createTable('messages')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('room_id', 'text')
      .addColumn('room', 'text')
      .addColumn('sender_id', 'text', (c) => c.notNull())
      .addColumn('sender', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('mentions_bot', 'integer', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('ticket_number', 'integer')
      .addColumn('intent', 'text')
      .addColumn('handled_at', 'text')
      .execute();
    await db.schema
      .createIndex('messages_sender_sent_at')
      .on('messages')
      .columns(['sender_id', 'sent_at'])
      .execute();

    await db.schema
      .createTable('outbox')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('room', 'text')
      .addColumn('room_id', 'text')
      .addColumn('to', 'text')
      .addColumn('to_id', 'text')
      .addColumn('mentions', 'text', (c) => c.notNull())
      .addColumn('mention_ids', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('ticket_number', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute();
    await db.schema.createIndex('outbox_sent_at').on('outbox').columns(['sent_at', 'id']).execute();

    await db.schema
      .createTable('counters')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();
    await db
      .insertInto('counters')
      .values([
        { name: 'ticket', value: 0 },
        { name: 'outbox', value: 0 },
      ])
      .execute();

    await db.schema
      .createTable('audit_head')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('event_id', 'integer', (c) => c.notNull())
      .addColumn('ticket_number', 'integer')
      .addColumn('seq', 'integer')
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db
      .insertInto('audit_head')
      .values({ id: 1, event_id: 0, ticket_number: null, seq: null, hash: '' })
      .execute();
  },

  async down(db: AnyDb) {
    for (const table of ['audit_head', 'counters', 'outbox', 'messages', 'ticket_events', 'tickets']) {
      await db.schema.dropTable(table).execute();
    }
  },
};

/**
 * 0002: timers. `tickets.deadlines_resumed_at` marks a reopen whose paused time was added to the
 * deadlines; `outbox.dedupe_key` lets a digest be queued once however often its job runs.
 */
const timers: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('tickets').addColumn('deadlines_resumed_at', 'text').execute();
    await db.schema.alterTable('outbox').addColumn('dedupe_key', 'text').execute();
    await db.schema.createIndex('outbox_dedupe_key').on('outbox').column('dedupe_key').unique().execute();
  },

  async down(db: AnyDb) {
    await db.schema.dropIndex('outbox_dedupe_key').execute();
    await db.schema.alterTable('outbox').dropColumn('dedupe_key').execute();
    await db.schema.alterTable('tickets').dropColumn('deadlines_resumed_at').execute();
  },
};

/** 0003: an outbox row that can never be delivered (no such room or contact) is set aside, not retried forever. */
const outboxFailures: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('outbox').addColumn('failed_at', 'text').execute();
    await db.schema.alterTable('outbox').addColumn('failure', 'text').execute();
  },

  async down(db: AnyDb) {
    await db.schema.alterTable('outbox').dropColumn('failure').execute();
    await db.schema.alterTable('outbox').dropColumn('failed_at').execute();
  },
};

/** 0004: messages not yet read (no outcome), found fast for recovery after Redis lost its queues. */
const unreadMessages: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createIndex('messages_unread')
      .on('messages')
      .columns(['handled_at', 'received_at'])
      .execute();
  },

  async down(db: AnyDb) {
    await db.schema.dropIndex('messages_unread').execute();
  },
};

/** 0005: co-reporters' WeChat ids beside their names, so a namesake cannot act as one. */
const coReporterIds: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('tickets').addColumn('co_reporter_ids', 'text').execute();
  },

  async down(db: AnyDb) {
    await db.schema.alterTable('tickets').dropColumn('co_reporter_ids').execute();
  },
};

/** 0006: signatures with the audit key on the chain head, the messages and the replies. */
const auditSignatures: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('audit_head').addColumn('mac', 'text').execute();
    await db.schema.alterTable('messages').addColumn('mac', 'text').execute();
    await db.schema.alterTable('messages').addColumn('outcome_mac', 'text').execute();
    await db.schema.alterTable('outbox').addColumn('mac', 'text').execute();
  },

  async down(db: AnyDb) {
    await db.schema.alterTable('outbox').dropColumn('mac').execute();
    await db.schema.alterTable('messages').dropColumn('outcome_mac').execute();
    await db.schema.alterTable('messages').dropColumn('mac').execute();
    await db.schema.alterTable('audit_head').dropColumn('mac').execute();
  },
};

/**
 * 0007_send_classes: each reply's send class (emergency, reply, notice; null for rows queued before it counts as a
 * reply), and an index to find a person's unsent notices that go out together.
 */
const sendClasses: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('outbox').addColumn('send_class', 'text').execute();
    await db.schema.createIndex('outbox_to_id').on('outbox').columns(['to', 'id']).execute();
  },

  async down(db: AnyDb) {
    await db.schema.dropIndex('outbox_to_id').execute();
    await db.schema.alterTable('outbox').dropColumn('send_class').execute();
  },
};

/** Indexes of 0008_history_indexes: name → columns; each serves one narrow query of the intake path. */
export const HISTORY_INDEXES = {
  // open duplicates: the same category at the same building, made within the merge window
  tickets_place_created: ['category', 'location_building', 'status', 'created_at'],
  // recurrences: the same category at the same building, closed within the recurrence window
  tickets_place_closed: ['category', 'location_building', 'status', 'closed_at'],
  // recent open tickets (emergency threads, quoted reports) and the open tickets a person co-reported
  tickets_status_created: ['status', 'created_at'],
  // a reporter's tickets, newest first, by WeChat id and (tickets without one) by name
  tickets_reporter_id_number: ['reporter_id', 'number'],
  tickets_reporter_number: ['reporter', 'number'],
  // an assignee's resolved or recently closed tickets from a room (rating pressure)
  tickets_room_status_closed: ['room_id', 'status', 'closed_at'],
  // an assignee's latest ticket from a room, among the room's latest
  tickets_room_created: ['room_id', 'created_at'],
  // resource engagements of this month
  ticket_events_type_at: ['type', 'at'],
} as const;

/** 0008_history_indexes: indexes so that intake's lookups cost the same with 30,000 tickets of history as with none. */
const historyIndexes: Migration = {
  async up(db: AnyDb) {
    for (const [name, columns] of Object.entries(HISTORY_INDEXES)) {
      const table = name.startsWith('ticket_events') ? 'ticket_events' : 'tickets';
      await db.schema
        .createIndex(name)
        .on(table)
        .columns([...columns])
        .execute();
    }
  },

  async down(db: AnyDb) {
    for (const name of Object.keys(HISTORY_INDEXES)) {
      await db.schema.dropIndex(name).execute();
    }
  },
};

/**
 * 0009_outbox_senders: which bot account (or the staff channel) sent each message, so that a restarted bot
 * counts each account's minute of sends apart.
 */
const outboxSenders: Migration = {
  async up(db: AnyDb) {
    await db.schema.alterTable('outbox').addColumn('sent_by', 'text').execute();
  },

  async down(db: AnyDb) {
    await db.schema.alterTable('outbox').dropColumn('sent_by').execute();
  },
};

/**
 * 0010_intent_area_indexes: open emergencies (in a group within a day, in the community within an hour) are
 * found among the emergencies of the window, not among every ticket of it (intake asks on every group message,
 * and a busy day holds hundreds of open tickets but a few emergencies); an open supply problem (power, water,
 * gas, heating) is found among the compound's tickets of its category.
 */
const intentAreaIndexes: Migration = {
  async up(db: AnyDb) {
    await db.schema
      .createIndex('tickets_intent_created')
      .on('tickets')
      .columns(['intent', 'created_at'])
      .execute();
    await db.schema
      .createIndex('tickets_area_created')
      .on('tickets')
      .columns(['category', 'location_compound', 'status', 'created_at'])
      .execute();
  },

  async down(db: AnyDb) {
    await db.schema.dropIndex('tickets_area_created').execute();
    await db.schema.dropIndex('tickets_intent_created').execute();
  },
};

/** The migrations in code, so both dialects run the very same steps and nothing is read from disk. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({
    '0001_initial': initial,
    '0002_timers': timers,
    '0003_outbox_failures': outboxFailures,
    '0004_unread_messages': unreadMessages,
    '0005_co_reporter_ids': coReporterIds,
    '0006_audit_signatures': auditSignatures,
    '0007_send_classes': sendClasses,
    '0008_history_indexes': historyIndexes,
    '0009_outbox_senders': outboxSenders,
    '0010_intent_area_indexes': intentAreaIndexes,
  }),
};
