import type { TicketEvent } from './ticket.js';

/** Why a ticket is stuck, as the 卡点 ledger records it. */
export const BLOCKER_REASONS = [
  'money',
  'materials',
  'powers',
  'another_body',
  'resident',
  'policy',
] as const;
export type BlockerReason = (typeof BLOCKER_REASONS)[number];

/** Event types of the ledger. */
export const BLOCKED = 'blocked';
export const UNBLOCKED = 'unblocked';

/** What a `blocked` event carries (its detail is this, as JSON). */
export type BlockerRecord = { reason: BlockerReason; note: string };

/** An open blocker: what was recorded, by whom and since when. */
export type Blocker = BlockerRecord & { by: string; since: Date };

export const blockedDetail = (record: BlockerRecord): string =>
  JSON.stringify({ reason: record.reason, note: record.note });

/** The record of a `blocked` event; null for a detail this version cannot read. */
export function readBlocked(event: Pick<TicketEvent, 'type' | 'detail'>): BlockerRecord | null {
  if (event.type !== BLOCKED) {
    return null;
  }
  try {
    const data = JSON.parse(event.detail) as Partial<BlockerRecord>;
    return typeof data.note === 'string' && BLOCKER_REASONS.includes(data.reason as BlockerReason)
      ? { reason: data.reason as BlockerReason, note: data.note }
      : null;
  } catch {
    return null;
  }
}

/**
 * The ticket's open blocker, from its events: the reason and note of the last `blocked` not cleared since,
 * standing since the first of them (a re-recorded reason does not restart its age); null when none.
 */
export function openBlocker(events: readonly TicketEvent[]): Blocker | null {
  let last: { record: BlockerRecord; by: string } | null = null;
  let since: Date | null = null;
  for (const e of events) {
    if (e.type === UNBLOCKED) {
      last = null;
      since = null;
      continue;
    }
    const record = readBlocked(e);
    if (record) {
      last = { record, by: e.actor };
      since = since ?? e.at;
    }
  }
  return last && since ? { ...last.record, by: last.by, since } : null;
}

/** Whether a blocker was ever recorded on the ticket. */
export const everBlocked = (events: readonly TicketEvent[]): boolean =>
  events.some((e) => e.type === BLOCKED);
