import { createHash } from 'node:crypto';
import type { EventRow, TicketRow } from './schema/database.js';

/** JSON with object keys sorted at every level, so equal values always hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Columns added after 0001: hashed only when set, so rows sealed before they existed still verify. */
const LATER_COLUMNS = [
  'deadlines_resumed_at',
  'co_reporter_ids',
] as const satisfies readonly (keyof TicketRow)[];

/** The hash of a ticket row as stored, which its events seal. */
export function stateHash(row: TicketRow): string {
  const sealed: Partial<TicketRow> = { ...row };
  for (const column of LATER_COLUMNS) {
    if (sealed[column] === null || sealed[column] === undefined) {
      delete sealed[column];
    }
  }
  return sha256(canonicalJson(sealed));
}

export type HashedEventFields = Pick<
  EventRow,
  'ticket_number' | 'seq' | 'at' | 'actor' | 'type' | 'detail' | 'state_hash'
>;

/** sha256 over the previous event's hash and this event's canonical fields. */
export function eventHash(prevHash: string, event: HashedEventFields): string {
  const { ticket_number, seq, at, actor, type, detail, state_hash } = event;
  return sha256(prevHash + canonicalJson({ ticket_number, seq, at, actor, type, detail, state_hash }));
}
