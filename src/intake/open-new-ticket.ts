import type { Clock } from '../clock/clock.js';
import type { Directory } from '../directory/directory.js';
import type { Classification } from '../labels/classification.js';
import type { Logger } from '../logger.js';
import type { JobQueue } from '../queue/job-queue.js';
import { hasSkillFor, matchResources, type ResourceMatch } from '../routing/match-resources.js';
import { loadResourceLoad } from '../routing/resource-load.js';
import type { Routing } from '../routing/route-ticket.js';
import { computeDeadlines } from '../sla/deadlines.js';
import type { WorkingCalendar } from '../sla/working-calendar.js';
import { EMERGENCY_CHECK, emergencyCheckDetail } from '../tickets/emergency-check.js';
import type { NewTicket, Ticket } from '../tickets/ticket.js';
import type { PlaceQuery } from '../tickets/ticket-queries.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';
import { announceTicket, emergencyCheckers, toNewTicket } from './open-ticket.js';

export type OpenTicketDeps = {
  tickets: Pick<TicketStore, 'createTicket' | 'change' | 'engagementEvents'>;
  queue: Pick<JobQueue, 'enqueueOutbox'>;
  directory: Directory;
  calendar: WorkingCalendar;
  clock: Clock;
  logger: Logger;
};

/**
 * Opens a routed ticket for a request (its text may join several messages of the window), announces it,
 * and attaches the photos the sender sent just before it as evidence. Idempotent per message.
 */
export async function openNewTicket(
  deps: OpenTicketDeps,
  message: SeenMessage,
  request: {
    c: Classification;
    text: string;
    routing: Routing;
    loosePhotos: readonly SeenMessage[];
    /** Open tickets this one must not duplicate: looked for again in the creating transaction. */
    unlessOpen?: readonly PlaceQuery[];
  },
): Promise<{ duplicateOf?: Ticket }> {
  const { c, text, routing } = request;
  const now = deps.clock.now();
  const deadlines = computeDeadlines(
    { createdAt: now, urgency: c.urgency, category: c.category },
    deps.directory.data.deadlines,
    deps.calendar,
  );
  const reporter = {
    name: message.sender,
    id: message.senderId,
    room: message.room,
    roomId: message.roomId,
    text,
  };
  const draft = toNewTicket(c, routing, reporter, deadlines, now);
  const check = isEmergencyCheck(c);
  const resources = await matchingResources(deps, draft, now);
  const result = await deps.tickets.createTicket(draft, {
    messageKey: message.key,
    event: {
      at: now,
      actor: message.sender,
      type: 'created',
      detail: `${c.intent}${c.emergency_check ? ' (emergency check)' : ''}/${c.category} → ${routing.body}; ${routing.cues.join('; ')}`,
    },
    outbox: (ticket) => announceTicket(deps.directory, ticket, routing, check, resources),
    ...(request.unlessOpen ? { unlessOpen: request.unlessOpen } : {}),
    ...(check
      ? {
          followedBy: [
            {
              at: now,
              actor: deps.directory.botName,
              type: EMERGENCY_CHECK,
              detail: emergencyCheckDetail({ asked: emergencyCheckers(deps.directory, routing) }),
            },
          ],
        }
      : {}),
  });
  if (result.duplicate) {
    // another worker opened the same problem at the same place after this message was read: join it
    deps.logger.info(
      { event: 'intake.ticket.raced', messageKey: message.key, ticket: result.ticket.number },
      'an open ticket about the same problem appeared while reading',
    );
    return { duplicateOf: result.ticket };
  }
  await deps.queue.enqueueOutbox(result.outboxIds);
  deps.logger.info(
    {
      event: 'intake.ticket.created',
      messageKey: message.key,
      ticket: result.ticket.number,
      created: result.created,
      body: routing.body,
    },
    'ticket opened',
  );
  if (!result.created || request.loosePhotos.length === 0) {
    return {};
  }
  const evidence = request.loosePhotos.map((m) => ({
    kind: 'photo' as const,
    ref: m.text,
    at: now,
    by: m.sender,
  }));
  await deps.tickets.change(result.ticket.number, {
    event: {
      at: now,
      actor: message.sender,
      type: 'evidence_added',
      detail: `photo ${evidence.map((e) => e.ref).join(', ')}`,
    },
    patch: { evidence },
  });
  return {};
}

/** The resources for a new grievance, best first (none for questions and emergencies, which go elsewhere). */
async function matchingResources(
  deps: OpenTicketDeps,
  draft: NewTicket,
  now: Date,
): Promise<ResourceMatch[]> {
  const { resources } = deps.directory.data;
  if (draft.intent !== 'grievance' || resources.length === 0) {
    return [];
  }
  const need = { category: draft.category, text: draft.text, compound: draft.location.compound };
  if (!hasSkillFor(resources, need)) {
    return [];
  }
  return matchResources(resources, need, await loadResourceLoad(deps.tickets, now)).matches;
}

/** A grievance the model reads as possibly an emergency: opened with a check asked of staff (announceTicket). */
const isEmergencyCheck = (c: Classification): boolean => c.emergency_check && c.intent === 'grievance';
