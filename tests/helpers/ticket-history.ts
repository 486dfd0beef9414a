import type { Category } from '../../src/labels/labels.js';
import type { KyselyTicketStore } from '../../src/store/kysely-ticket-store.js';
import { toTicketRow } from '../../src/store/ticket-rows.js';
import { startTicket } from '../../src/store/ticket-state.js';
import type { Ticket, TicketStatus } from '../../src/tickets/ticket.js';

const DAY_MS = 24 * 3600_000;
const CATEGORIES: readonly Category[] = [
  'elevator',
  'water_supply',
  'building_repair',
  'power',
  'sanitation',
  'noise',
  'parking',
  'greenery',
];
const WORKERS = ['李明', '张伟', '王芳', '陈静'] as const;
/** Rows per INSERT: 42 columns × 400 stays under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 400;

/** A deterministic pseudo-random sequence (mulberry32), so every run seeds the same history. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One ticket of a community's past: spread over the three years before `now`, in buildings 1–30 (one in
 * ten at a landmark instead) and each building's group, nearly all closed two days after they were made, a
 * few resolved, accepted or still open from long ago.
 */
function pastTicket(number: number, count: number, now: Date, random: () => number): Ticket {
  const createdAt = new Date(now.getTime() - (3 * 365 * DAY_MS * (count - number + 1)) / count - DAY_MS * 4);
  const building = random() < 0.1 ? null : 1 + Math.floor(random() * 30);
  const grid = building === null ? 0 : Math.min(3, Math.floor((building - 1) / 7.5));
  const resident = Math.floor(random() * 3000);
  // a street office's groups: one per building, the landmarks' reports in the first building's group
  const group = building ?? 1;
  const ticket = startTicket(
    {
      intent: 'grievance',
      category: CATEGORIES[Math.floor(random() * CATEGORIES.length)] ?? 'elevator',
      body: 'property',
      tiaoKuai: 'block',
      urgency: 'normal',
      location: { compound: null, building, unit: null, room: null, landmark: building ? null : '东门' },
      grid: null,
      partyBranch: null,
      assignees: [WORKERS[grid] ?? '李明'],
      reporter: `住户${resident}`,
      reporterId: `wxid-history-${resident}`,
      room: `${group}号楼业主群`,
      roomId: `room-b${group}`,
      text: `${building ?? '东门'}号楼的老问题`,
      createdAt,
      respondBy: null,
      resolveBy: null,
      classifiedBy: 'local',
      confidence: 0.9,
    },
    number,
  );
  const roll = random();
  const status: TicketStatus =
    roll < 0.96 ? 'closed' : roll < 0.98 ? 'resolved' : roll < 0.99 ? 'accepted' : 'open';
  const resolvedAt =
    status === 'closed' || status === 'resolved' ? new Date(createdAt.getTime() + DAY_MS) : null;
  const closedAt = status === 'closed' ? new Date(createdAt.getTime() + 2 * DAY_MS) : null;
  return { ...ticket, status, resolvedAt, closedAt, rating: closedAt ? 5 : null };
}

/**
 * Writes `count` tickets of history straight into the tables, in bulk (no events, no audit chain: this is
 * load for queries, not a ledger), and moves the ticket counter past them.
 */
export async function seedTicketHistory(store: KyselyTicketStore, count: number, now: Date): Promise<void> {
  const random = seeded(20261206);
  await store.db.transaction().execute(async (trx) => {
    for (let first = 1; first <= count; first += CHUNK) {
      const rows = [];
      for (let n = first; n < Math.min(first + CHUNK, count + 1); n++) {
        rows.push(toTicketRow(pastTicket(n, count, now, random)));
      }
      await trx.insertInto('tickets').values(rows).execute();
    }
    await trx.updateTable('counters').set({ value: count }).where('name', '=', 'ticket').execute();
  });
}
