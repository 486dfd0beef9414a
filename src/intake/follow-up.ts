import type { Classification } from '../labels/classification.js';
import { maskPersonalData } from '../privacy/mask.js';
import type { OutboxMessage } from '../tickets/outbox.js';
import type { Ticket } from '../tickets/ticket.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';
import { isFollowUp, isStillThere } from './conversation-cues.js';
import { latestTicketOf, OPEN_STATUSES } from './related-tickets.js';
import { intakeReplies } from './replies.js';
import { answer, ticketNotice } from './reply-to.js';
import { OUTCOMES } from './request-window.js';
import {
  changeAndSettle,
  type SettleResult,
  settleAndQueue,
  type TicketChangeDeps,
} from './settle-on-ticket.js';

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

/** The sender's latest ticket a follow-up could be about (still open, or resolved and awaiting them). */
export function followUpTarget(
  deps: { tickets: Pick<TicketStore, 'ticketsOfPerson'> },
  message: SeenMessage,
): Promise<Ticket | undefined> {
  const person = { id: message.senderId, name: message.sender, roomId: message.roomId };
  return latestTicketOf(deps.tickets, person, [...OPEN_STATUSES, 'resolved']);
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
