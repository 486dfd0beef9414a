import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';

/** How intake settles a message (the outcome's `intent`): a classifier intent or one of these. */
export const OUTCOMES = {
  supplemented: 'supplemented',
  coReporter: 'co_reporter',
  recurrence: 'recurrence',
  followUp: 'follow_up',
  /** The reporter's word on their ticket that asks nothing: recorded, the handlers told in their next batch. */
  residentNote: 'resident_note',
  thanks: 'thanks',
  evidence: 'evidence',
  /** A photo that belongs to no ticket yet; a ticket the sender opens within the window takes it. */
  loosePhoto: 'photo',
  ratingPressure: 'rating_pressure',
  /** A staff member's answer in the group to a resident with an open ticket: recorded on it. */
  staffReply: 'staff_reply',
  /** A handler's answer in the group to a resident's open question: the question answered, as 答复 N. */
  staffAnswer: 'staff_answer',
  /** A staff member's message in a residents' group that is not a command: not read as a request. */
  staff: 'staff',
  /** A staff member's private text that is not a valid command: answered with 帮助, not read as a request. */
  staffNotCommand: 'staff_not_command',
  /** A voice message: the resident was asked to write instead. */
  voice: 'voice',
  /** A question answered from the knowledge base; the outcome is `answered:<entry id>`. */
  answered: 'answered',
  /** A message that @-mentions the bot with nothing to act on: greeted with what the bot can do. */
  mentionHello: 'mention_hello',
  /** The reporter or staff called an open emergency off. */
  allClear: 'all_clear',
  /** Talk in the group about an open emergency, added to it for the responders. */
  emergencyThread: 'emergency_thread',
  /** A question about a problem elsewhere (another compound's power cut), answered from its ticket. */
  answeredFromTicket: 'answered_from_ticket',
  /** A quoted reply that agreed with an open report: the sender joined it. */
  quoteJoined: 'quote_joined',
} as const;

/** Outcomes that mean the message was (part of) a resident's request on that ticket. */
const REQUEST_OUTCOMES: readonly string[] = [
  'grievance',
  'emergency',
  OUTCOMES.supplemented,
  OUTCOMES.coReporter,
  OUTCOMES.recurrence,
];

/** The most messages of one sender's window read back: a flood beyond it is not one request. */
const WINDOW_MESSAGES = 100;

/** What the sender said in this room just before this message, within the aggregation window. */
export type RequestWindow = {
  /** The ticket an earlier message of the window made or joined (the latest such), or null. */
  ticketNumber: number | null;
  /** How the latest message on that ticket was read: `supplemented` when the sender is adding again. */
  lastOnTicket: string | null;
  /** Earlier text messages after that ticket that made none (chatter, unsure), oldest first. */
  pending: SeenMessage[];
  /** Earlier photos that belong to no ticket yet, oldest first. */
  loosePhotos: SeenMessage[];
};

/**
 * Reads the sender's earlier messages in the same room within `windowS` seconds before this one, newest
 * first, until one that made or joined a ticket. Messages still being handled (no outcome yet) are skipped;
 * anything else that is not chatter or a photo (a command, an inquiry, a follow-up) ends the request.
 */
export async function readRequestWindow(
  tickets: Pick<TicketStore, 'recentMessages'>,
  message: SeenMessage,
  windowS: number,
): Promise<RequestWindow> {
  const window: RequestWindow = { ticketNumber: null, lastOnTicket: null, pending: [], loosePhotos: [] };
  if (windowS <= 0) {
    return window;
  }
  const since = new Date(message.sentAt.getTime() - windowS * 1000);
  const recent = await tickets.recentMessages({
    senderId: message.senderId,
    roomId: message.roomId,
    since,
    limit: WINDOW_MESSAGES,
  });
  const at = recent.findIndex((m) => m.key === message.key);
  const earlier = (
    at >= 0 ? recent.slice(0, at) : recent.filter((m) => m.sentAt <= message.sentAt)
  ).reverse();
  // the window query brought each message's outcome along: no second read per message
  for (const { outcome, ...m } of earlier) {
    if (!outcome) {
      continue;
    }
    if (outcome.ticketNumber !== null && REQUEST_OUTCOMES.includes(outcome.intent ?? '')) {
      window.ticketNumber = outcome.ticketNumber;
      window.lastOnTicket = outcome.intent;
      return window;
    }
    if (m.kind === 'text' && outcome.intent === 'chatter') {
      window.pending.unshift(m);
    } else if (m.kind === 'image' && outcome.intent === OUTCOMES.loosePhoto) {
      window.loosePhotos.unshift(m);
    } else if (m.kind === 'text') {
      return window;
    }
  }
  return window;
}
