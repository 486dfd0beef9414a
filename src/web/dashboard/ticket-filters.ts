import { startOfChinaDay } from '../../clock/china-time.js';
import type { Directory } from '../../directory/directory.js';
import type { Ticket, TicketStatus } from '../../tickets/ticket.js';
import { TICKET_STATUSES } from '../../tickets/ticket.js';
import { categoryName, placeText } from '../../tickets/ticket-text.js';

/** The list's filters as the query string carries them; empty strings mean "any". */
export type ListQuery = {
  status: string;
  body: string;
  grid: string;
  branch: string;
  category: string;
  overdue: string;
  from: string;
  to: string;
  q: string;
};

export const LIST_QUERY_KEYS = [
  'status',
  'body',
  'grid',
  'branch',
  'category',
  'overdue',
  'from',
  'to',
  'q',
] as const;

/** Reads the filters from a query (unknown keys ignored, every value trimmed and capped). */
export function readListQuery(get: (key: string) => string | undefined): ListQuery {
  const one = (k: string) => (get(k) ?? '').trim().slice(0, 100);
  return Object.fromEntries(LIST_QUERY_KEYS.map((k) => [k, one(k)])) as ListQuery;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The start of a China calendar day written YYYY-MM-DD, or null when the text is not such a day. */
export function chinaDayStart(text: string): Date | null {
  const m = DAY.exec(text);
  if (!m) {
    return null;
  }
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00+08:00`);
  return Number.isNaN(at.getTime()) ? null : startOfChinaDay(at);
}

/**
 * Whether a ticket passes the filters: status, body, grid, party branch, category, overdue, created from
 * / to (China days, both included) and a search over its number, text, place and category.
 */
export function matchesQuery(t: Ticket, q: ListQuery, directory: Directory): boolean {
  if (
    q.status &&
    (TICKET_STATUSES as readonly string[]).includes(q.status) &&
    t.status !== (q.status as TicketStatus)
  ) {
    return false;
  }
  if (q.body && t.body !== q.body) {
    return false;
  }
  if (q.grid && t.grid !== q.grid) {
    return false;
  }
  if (q.branch && t.partyBranch !== q.branch) {
    return false;
  }
  if (q.category && t.category !== q.category) {
    return false;
  }
  if (q.overdue === '1' && !t.overdue) {
    return false;
  }
  const from = chinaDayStart(q.from);
  if (from && t.createdAt < from) {
    return false;
  }
  const to = chinaDayStart(q.to);
  if (to && t.createdAt.getTime() >= to.getTime() + 86_400_000) {
    return false;
  }
  if (q.q) {
    const needle = q.q.replace(/^#/, '');
    const hay = [
      String(t.number),
      t.text,
      placeText(t),
      categoryName(t.category),
      directory.bodyDisplayName(t.body, t.location.compound),
    ];
    if (!hay.some((h) => h.includes(needle))) {
      return false;
    }
  }
  return true;
}
