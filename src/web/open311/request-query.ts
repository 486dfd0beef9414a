import type { TicketStatus } from '../../tickets/ticket.js';
import { open311Replies as say } from './replies.js';
import { TICKET_STATUSES_OF } from './service-request.js';
import { isServiceCode, type ServiceCode } from './services.js';

const DAY_MS = 86_400_000;
/** Without dates, a search covers the 90 days before `end_date` (or now), as GeoReport v2 suggests. */
export const DEFAULT_SPAN_DAYS = 90;
/** At most this many requests in one answer, the newest first (the GeoReport v2 default). */
export const MAX_REQUESTS = 1000;

/** A `GET requests` search: some numbers (which overrides everything else), or filters. */
export type RequestQuery =
  | { kind: 'ids'; ids: number[] }
  | {
      kind: 'search';
      codes: ServiceCode[] | null;
      statuses: TicketStatus[] | null;
      /** Inclusive. */
      from: Date;
      /** Exclusive; none for no end. */
      to: Date | undefined;
    };

export type QueryResult = { success: true; data: RequestQuery } | { success: false; error: string };

/** Comma-separated values, as GeoReport lists them (`service_code=a,b`). */
const listOf = (value: string): string[] =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);

/** Parses the query of `GET requests.(json|xml)` (service_request_id, service_code, status, start_date, end_date). */
export function parseRequestQuery(query: Readonly<Record<string, string>>, now: Date): QueryResult {
  const ids = query.service_request_id;
  if (ids !== undefined && ids.trim() !== '') {
    const numbers: number[] = [];
    for (const id of listOf(ids)) {
      const n = ticketNumberOf(id);
      if (n === undefined) {
        return { success: false, error: say.badId(id) };
      }
      numbers.push(n);
    }
    return { success: true, data: { kind: 'ids', ids: numbers } };
  }
  const codes = query.service_code ? listOf(query.service_code) : [];
  const unknown = codes.find((c) => !isServiceCode(c));
  if (unknown !== undefined) {
    return { success: false, error: say.unknownService(unknown) };
  }
  const statuses = query.status ? listOf(query.status) : [];
  const badStatus = statuses.find((s) => s !== 'open' && s !== 'closed');
  if (badStatus !== undefined) {
    return { success: false, error: say.badStatus(badStatus) };
  }
  const from = query.start_date ? parseW3Date(query.start_date, 'start') : null;
  const to = query.end_date ? parseW3Date(query.end_date, 'end') : null;
  if (from === undefined || to === undefined) {
    return { success: false, error: say.badDate(from === undefined ? 'start_date' : 'end_date') };
  }
  if (from && to && from >= to) {
    return { success: false, error: say.badRange() };
  }
  return {
    success: true,
    data: {
      kind: 'search',
      codes: codes.length > 0 ? (codes as ServiceCode[]) : null,
      statuses:
        statuses.length > 0 ? statuses.flatMap((s) => TICKET_STATUSES_OF[s as 'open' | 'closed']) : null,
      from: from ?? new Date((to ?? now).getTime() - DEFAULT_SPAN_DAYS * DAY_MS),
      to: to ?? undefined,
    },
  };
}

/** A ticket number as written in a path or a list; undefined unless a positive integer. */
export function ticketNumberOf(text: string): number | undefined {
  if (!/^[1-9]\d{0,14}$/.test(text)) {
    return undefined;
  }
  return Number(text);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+\- ]\d{2}:?\d{2})?$/i;

/**
 * A W3C/ISO 8601 time as a bound: with `Z` or an offset as given, without one in China time; a bare date is
 * the start of that China day, or (as an end) the start of the next, so `end_date=2026-12-01` includes that
 * day. A `+` that arrived unencoded as a space is read as `+`. An end bound is returned exclusive.
 */
export function parseW3Date(text: string, bound: 'start' | 'end'): Date | undefined {
  const value = text.trim();
  if (!isRealDay(value.slice(0, 10))) {
    return undefined;
  }
  if (DATE_ONLY.test(value)) {
    const day = Date.parse(`${value}T00:00:00+08:00`);
    return Number.isNaN(day) ? undefined : new Date(bound === 'end' ? day + DAY_MS : day);
  }
  const m = DATE_TIME.exec(value);
  if (!m) {
    return undefined;
  }
  const zone = m[3] === undefined ? '+08:00' : normaliseZone(m[3]);
  const at = Date.parse(`${m[1]}T${m[2]}${zone}`);
  if (Number.isNaN(at)) {
    return undefined;
  }
  return new Date(bound === 'end' ? at + 1 : at);
}

/** Whether `YYYY-MM-DD` names a day of the calendar (not 2026-02-30). */
function isRealDay(date: string): boolean {
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

function normaliseZone(zone: string): string {
  if (zone.toUpperCase() === 'Z') {
    return 'Z';
  }
  const sign = zone[0] === '-' ? '-' : '+';
  const digits = zone.slice(1).replace(':', '');
  return `${sign}${digits.slice(0, 2)}:${digits.slice(2)}`;
}
