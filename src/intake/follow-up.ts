import type { Classification } from '../labels/classification.js';
import { maskPersonalData } from '../privacy/mask.js';
import type { OutboxMessage } from '../tickets/outbox.js';
import type { Ticket } from '../tickets/ticket.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';
import { isFollowUp, isStillThere } from './conversation-cues.js';
import { OPEN_STATUSES } from './related-tickets.js';
import { intakeReplies } from './replies.js';
import { answer, ticketNotice } from './reply-to.js';
import { OUTCOMES } from './request-window.js';
import {
  changeAndSettle,
  type SettleResult,
  settleAndQueue,
  type TicketChangeDeps,
} from './settle-on-ticket.js';
import { subjectOf } from './subject.js';

export type FollowUpDeps = TicketChangeDeps & {
  tickets: Pick<TicketStore, 'ticketsOfPerson' | 'change' | 'getMessage' | 'settleMessage'>;
};

/** A classifier this sure of a different problem is believed over a follow-up phrasing. */
const SURE = 0.6;

/**
 * Whether a message chases an existing ticket rather than reporting a new problem: it is phrased as a
 * follow-up or says the problem is still there (or the classifier calls it feedback), and it does not
 * clearly name a different problem.
 */
export function readsAsFollowUp(text: string, c: Classification, t: Ticket): boolean {
  if (c.intent === 'emergency' || !(isFollowUp(text) || isStillThere(text) || c.intent === 'feedback')) {
    return false;
  }
  if (c.location.building !== null && c.location.building !== t.location.building) {
    return false;
  }
  const otherProblem =
    c.intent === 'grievance' && !['none', 'other', t.category].includes(c.category) && c.confidence >= SURE;
  return !otherProblem;
}

/** How many of the sender's latest tickets a follow-up is matched against. */
const FOLLOW_UP_CANDIDATES = 5;
/** How likely a ticket's category must be, as the message's category head reads it, for the message to be about it. */
const ABOUT_TICKET_P = 0.1;

/**
 * The sender's ticket a follow-up could be about (still open, or resolved and awaiting them): of their latest
 * few, the newest whose category the message's reading of its subject finds plausible (「楼道灯今晚能修好吗」
 * from someone whose water cut and stairwell lights are both open is about the lights). When the message is
 * plainly about a problem none of their tickets is (a water reporter asking whether the stairwell lights will
 * be fixed tonight), none: it is asked as a neighbour, not chased as theirs. Without a reading of its subject,
 * the newest.
 */
export async function followUpTarget(
  deps: { tickets: Pick<TicketStore, 'ticketsOfPerson'> },
  message: SeenMessage,
  c?: Pick<Classification, 'category_probabilities'>,
): Promise<Ticket | undefined> {
  const candidates = await deps.tickets.ticketsOfPerson({
    person: { id: message.senderId, name: message.sender },
    statuses: [...OPEN_STATUSES, 'resolved'],
    ...(message.roomId !== null ? { reportedInOrPrivately: message.roomId } : {}),
    limit: FOLLOW_UP_CANDIDATES,
  });
  const reading = c?.category_probabilities ?? {};
  if (Object.keys(reading).length === 0) {
    return candidates[0];
  }
  const about = candidates.find((t) => (reading[t.category] ?? 0) >= ABOUT_TICKET_P);
  return about ?? (c && subjectOf(c) ? undefined : candidates[0]);
}

/**
 * Links a follow-up to the sender's ticket: on an open one the event is `follow_up`, the assignees are
 * nudged privately with #N and the resident told it was passed on; on a resolved one the resident is told
 * how to reject the resolution, and the confirmation flow does the rest.
 */
export async function recordFollowUp(
  deps: FollowUpDeps,
  message: SeenMessage,
  t: Ticket,
): Promise<SettleResult> {
  if (t.status === 'resolved') {
    await settleWith(deps, message, t.number, [answer(message, intakeReplies.followUpResolved(t))]);
    return 'changed';
  }
  return changeAndSettle(deps, message, t.number, {
    intent: OUTCOMES.followUp,
    event: {
      at: deps.clock.now(),
      actor: message.sender,
      type: 'follow_up',
      detail: maskPersonalData(message.text),
    },
    patch: {},
    expectStatus: OPEN_STATUSES,
    outbox: [
      answer(message, intakeReplies.followUpPassedOn(t)),
      ...t.assignees.map((name) =>
        ticketNotice(t, name, intakeReplies.followUpNotice(t, message.sender, message.text)),
      ),
    ],
  });
}

/**
 * The reporter's word on their ticket that asks nothing (「楼上安静了」, 「试了一下 停得挺平」, 「好的 希望能彻底弄好」):
 * recorded on the ticket and passed to the assignees in their next routine batch, since it may tell them the
 * work is done. No group reply and no 催办: the resident asked for nothing, and the ticket's text stays the report.
 */
export async function recordResidentNote(
  deps: FollowUpDeps,
  message: SeenMessage,
  t: Ticket,
): Promise<SettleResult> {
  return changeAndSettle(deps, message, t.number, {
    intent: OUTCOMES.residentNote,
    event: {
      at: deps.clock.now(),
      actor: message.sender,
      type: 'resident_note',
      detail: maskPersonalData(message.text),
    },
    patch: {},
    expectStatus: [...OPEN_STATUSES, 'resolved'],
    outbox: t.assignees.map((name) => ({
      ...ticketNotice(t, name, intakeReplies.residentNoteNotice(t, message.sender, message.text)),
      sendClass: 'routine' as const,
    })),
  });
}

/** A follow-up with no ticket to link: a short note in a private chat; in a group, silence. */
export async function followUpWithoutTicket(deps: FollowUpDeps, message: SeenMessage): Promise<void> {
  const outbox = message.roomId === null ? [answer(message, intakeReplies.followUpNothingOpen())] : [];
  await settleWith(deps, message, null, outbox);
}

async function settleWith(
  deps: FollowUpDeps,
  message: SeenMessage,
  ticketNumber: number | null,
  outbox: OutboxMessage[],
): Promise<void> {
  await settleAndQueue(deps, message, { ticketNumber, intent: OUTCOMES.followUp }, outbox);
}
