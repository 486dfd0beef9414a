import { randomUUID } from 'node:crypto';
import type { Classifier } from '../../classify/classifier.js';
import { emergencyPhone } from '../../intake/emergency-phone.js';
import { type OpenTicketDeps, openNewTicket } from '../../intake/open-new-ticket.js';
import { placedRouting } from '../../intake/read-request.js';
import type { Classification } from '../../labels/classification.js';
import type { Routing } from '../../routing/route-ticket.js';
import { capText, MAX_CLASSIFIED_CHARS } from '../../text/clean-text.js';
import type { OutboxMessage } from '../../tickets/outbox.js';
import type { Ticket } from '../../tickets/ticket.js';
import type { SeenMessage, TicketStore } from '../../tickets/ticket-store.js';
import { replies } from '../../tickets/ticket-text.js';
import type { NewServiceRequest } from './new-request.js';
import { open311Replies } from './replies.js';
import type { ServiceCode } from './services.js';

/** A filed request: its new ticket and the notice for the client (GeoReport `service_notice`). */
export type FiledRequest = { ticket: Ticket; notice: string };

/** Files a client's request as a resident's report: classified, routed and opened the way intake does. */
export type FileRequest = (client: string, request: NewServiceRequest) => Promise<FiledRequest>;

export type FileRequestDeps = OpenTicketDeps & {
  tickets: Pick<TicketStore, 'recordMessage' | 'createTicket' | 'change' | 'engagementEvents'>;
  classifier: Classifier;
};

/** The sender (and reporter) an API client's requests are recorded under. */
export const reporterOf = (client: string): string => `open311:${client}`;

/**
 * Records the request as a message from the client (signed like every message, so nothing is lost), reads
 * it with the classifier, takes the client's category, routes it by the directory and opens the ticket
 * through intake's own path. The reporter's acknowledgement goes back in the answer, not to a chat.
 */
export async function fileServiceRequest(
  deps: FileRequestDeps,
  client: string,
  request: NewServiceRequest,
): Promise<FiledRequest> {
  const now = deps.clock.now();
  const sender = reporterOf(client);
  const text = requestText(request);
  const message: SeenMessage = {
    ...{ key: `${sender}:${randomUUID()}`, roomId: null, room: null, senderId: sender, sender, text },
    ...{ kind: 'text', mentionsBot: false, sentAt: now, receivedAt: now },
  };
  await deps.tickets.recordMessage(message);
  const c = asFiled(
    await deps.classifier.classify({ text: capText(text, MAX_CLASSIFIED_CHARS) }),
    request.code,
  );
  const routing = withAddress(placedRouting(deps, message, c, text), request);
  let opened: Ticket | undefined;
  const tickets: OpenTicketDeps['tickets'] = {
    createTicket: async (draft, input) => {
      const outbox = (t: Ticket) =>
        (typeof input.outbox === 'function' ? input.outbox(t) : input.outbox).filter((m) => !isTo(m, sender));
      const result = await deps.tickets.createTicket(draft, { ...input, outbox });
      opened = result.ticket;
      return result;
    },
    change: (n, change) => deps.tickets.change(n, change),
    engagementEvents: (input) => deps.tickets.engagementEvents(input),
  };
  await openNewTicket({ ...deps, tickets }, message, { c, text, routing, loosePhotos: [] });
  if (!opened) {
    throw new Error(`request ${message.key} opened no ticket`);
  }
  deps.logger.info({ event: 'open311.request.filed', client, ticket: opened.number }, 'request filed');
  const danger = c.intent === 'emergency' || c.emergency_check ? dangerLine(opened) : '';
  return { ticket: opened, notice: open311Replies.filed(opened, routing.bodyName, danger) };
}

/** The ticket's text: the description, then the address and coordinates the client gave. */
function requestText(r: NewServiceRequest): string {
  return [
    r.description,
    ...(r.address ? [`地址：${r.address}`] : []),
    ...(r.coordinates ? [`坐标：${r.coordinates.lat},${r.coordinates.long}`] : []),
  ].join('\n');
}

/**
 * The classifier's reading with the client's category: a filed request is a grievance (an emergency when
 * the text reads as danger), of at least normal urgency.
 */
function asFiled(read: Classification, code: ServiceCode): Classification {
  return {
    ...read,
    intent: read.intent === 'emergency' ? 'emergency' : 'grievance',
    category: code,
    urgency: read.urgency === 'none' ? 'normal' : read.urgency,
  };
}

/** Without a building in the text, the client's address (else the coordinates) is the place. */
function withAddress(routing: Routing, r: NewServiceRequest): Routing {
  if (routing.location.building !== null) {
    return routing;
  }
  const landmark =
    r.address ??
    (r.coordinates ? `坐标 ${r.coordinates.lat},${r.coordinates.long}` : routing.location.landmark);
  return { ...routing, location: { ...routing.location, landmark } };
}

/** Whether a message would go to the client itself (it has no chat: its answer is the HTTP one). */
const isTo = (m: OutboxMessage, sender: string): boolean =>
  m.room === null && (m.toId === sender || m.to === sender);

function dangerLine(t: Ticket): string {
  const phone = emergencyPhone(t.category, t.text);
  return replies.emergencyCheckLine(phone.phone, phone.use);
}
