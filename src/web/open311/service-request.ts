import { toChinaIso } from '../../clock/china-time.js';
import { STATUS_NAMES } from '../../commands/replies.js';
import type { Body } from '../../labels/labels.js';
import type { Ticket, TicketStatus } from '../../tickets/ticket.js';
import { categoryName, publicPlaceText } from '../../tickets/ticket-text.js';
import type { ServiceCode } from './services.js';

export type Open311Status = 'open' | 'closed';

/** The ticket statuses behind each GeoReport status: a ticket is closed once nothing more will be done. */
export const TICKET_STATUSES_OF: Record<Open311Status, readonly TicketStatus[]> = {
  open: ['open', 'accepted', 'resolved', 'returned'],
  closed: ['closed', 'merged', 'cancelled'],
};

export const open311StatusOf = (status: TicketStatus): Open311Status =>
  TICKET_STATUSES_OF.closed.includes(status) ? 'closed' : 'open';

/**
 * One GeoReport v2 service request, fields in the specification's order. Absent values are left out;
 * address_id, zipcode, lat, long and media_url are never given (no address registry, no coordinates kept,
 * and evidence photos are shown only to logged-in staff).
 */
export type ServiceRequest = {
  service_request_id: number;
  status: Open311Status;
  status_notes: string;
  service_name: string;
  service_code: ServiceCode;
  description: string;
  agency_responsible?: string | undefined;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime?: string | undefined;
  address?: string | undefined;
};

export type RequestView = {
  /** The body's Chinese name as the directory gives it (the compound's property company by name). */
  agencyName(body: Body, compound: string | null): string;
  /** Masks personal numbers (phones, IDs, bank cards) in the resident's text. */
  mask(text: string): string;
};

/** The detailed status in Chinese, as staff and residents read it (待接单, 办理中, 已办结，待居民确认…). */
export function statusNotes(t: Ticket): string {
  const name = STATUS_NAMES[t.status];
  if (t.status === 'resolved') {
    return `${name}，待居民确认`;
  }
  if (t.status === 'closed') {
    return t.confirmation === 'satisfied'
      ? `${name}，居民确认满意`
      : t.confirmation === 'timeout'
        ? `${name}，居民未在期限内确认`
        : name;
  }
  if (t.status === 'merged' && t.mergedInto !== null) {
    return `${name}至 #${t.mergedInto}`;
  }
  return t.overdue && open311StatusOf(t.status) === 'open' ? `${name}（已超期）` : name;
}

/** The service a ticket is filed under (a ticket without a category is under `other`). */
export const serviceCodeOf = (t: Pick<Ticket, 'category'>): ServiceCode =>
  t.category === 'none' ? 'other' : t.category;

/**
 * A ticket as a GeoReport service request: its number, status, category, masked text, body, times and
 * public place (no room number). The reporter's name and chat id never appear.
 */
export function toServiceRequest(t: Ticket, updatedAt: Date, view: RequestView): ServiceRequest {
  const code = serviceCodeOf(t);
  const { compound, building, landmark } = t.location;
  return {
    service_request_id: t.number,
    status: open311StatusOf(t.status),
    status_notes: statusNotes(t),
    service_name: categoryName(code),
    service_code: code,
    description: view.mask(t.text),
    agency_responsible: t.body === 'none' ? undefined : view.agencyName(t.body, compound),
    requested_datetime: toChinaIso(t.createdAt),
    updated_datetime: toChinaIso(updatedAt < t.createdAt ? t.createdAt : updatedAt),
    expected_datetime: t.resolveBy ? toChinaIso(t.resolveBy) : undefined,
    address: compound !== null || building !== null || landmark !== null ? publicPlaceText(t) : undefined,
  };
}
