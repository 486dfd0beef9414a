import { maskPersonalData } from '../privacy/mask.js';
import { withCoReporter } from '../tickets/reporters.js';
import type { Ticket } from '../tickets/ticket.js';
import type { SeenMessage } from '../tickets/ticket-store.js';
import { OPEN_STATUSES } from './related-tickets.js';
import { intakeReplies } from './replies.js';
import { answer, ticketNotice } from './reply-to.js';
import { OUTCOMES } from './request-window.js';
import { changeAndSettle, type SettleResult, type TicketChangeDeps } from './settle-on-ticket.js';

/** Counts of reporters at which the assignees hear of one more: a burst of 20 is 5 notices, not 20. */
const NOTIFY_AT = new Set([2, 3, 5, 10, 20]);

/** Whether the assignees are told when the ticket reaches this many reporters. */
export function notifiesAt(reporters: number): boolean {
  return NOTIFY_AT.has(reporters) || (reporters > 20 && reporters % 25 === 0);
}

/**
 * Joins another resident's report of the same problem at the same place to the open ticket: the sender
 * becomes a co-reporter (event `co_reporter_added`), the group reply gives the existing #N and how many
 * residents reported it (and, to a question about it, the latest note staff wrote for residents), and the
 * assignees hear of it at a few counts (2, 3, 5, 10, 20…). No new ticket.
 */
export async function joinAsCoReporter(
  deps: TicketChangeDeps,
  message: SeenMessage,
  t: Ticket,
  options: {
    /** The co-reporter asked about the problem: the reply answers with the latest note staff wrote for residents. */
    asked?: { at: Date; text: string } | null;
    /** The ticket is a question the co-reporter asked again: the reply says the answer will reach them too. */
    question?: boolean;
  } = {},
): Promise<SettleResult> {
  const joined: Ticket = { ...t, ...withCoReporter(t, { id: message.senderId, name: message.sender }) };
  return changeAndSettle(deps, message, t.number, {
    intent: OUTCOMES.coReporter,
    event: {
      at: deps.clock.now(),
      actor: message.sender,
      type: 'co_reporter_added',
      detail: `${joined.coReporters.length + 1}位居民反映：${maskPersonalData(message.text)}`,
    },
    patch: { coReporters: joined.coReporters, coReporterIds: joined.coReporterIds },
    expectStatus: OPEN_STATUSES,
    outbox: [
      answer(
        message,
        options.question
          ? intakeReplies.joinedQuestion(joined, deps.clock.now())
          : options.asked === undefined
            ? intakeReplies.joinedTicket(joined)
            : intakeReplies.askedKnownProblem(joined, options.asked),
      ),
      ...(notifiesAt(joined.coReporters.length + 1) ? t.assignees : []).map((name) =>
        ticketNotice(joined, name, intakeReplies.coReporterNotice(joined, message.sender, message.text)),
      ),
    ],
  });
}
