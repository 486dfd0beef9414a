import { formatChinaShort } from '../bot/china-format.js';
import { intakeReplies } from '../bot/replies/intake-replies.js';
import { maskPersonalData } from '../privacy/mask.js';
import { applyAction } from '../tickets/apply-action.js';
import type { Ticket } from '../tickets/ticket.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';
import { isReporterOf } from './related-tickets.js';
import { answer, privately } from './reply-to.js';
import { OUTCOMES } from './request-window.js';
import { changeAndSettle, type SettleResult, type TicketChangeDeps } from './settle-on-ticket.js';

export type RecurrenceDeps = TicketChangeDeps & {
  tickets: Pick<TicketStore, 'getTicket' | 'change' | 'getMessage'>;
};

/**
 * A problem back at the same place within the recurrence window of a closure: the closed ticket is reopened
 * (`reopen`, counted in reopenCount; its deadlines resume as for any reopen), then a `recurrence` event
 * records that the closure failed. The reporter is told the old #N was reopened; its assignees are told privately. A new
 * reporter joins as co-reporter. Reopening keeps one ticket per problem, so the numbers stay honest.
 */
export async function reopenRecurrence(
  deps: RecurrenceDeps,
  message: SeenMessage,
  closed: Ticket,
): Promise<SettleResult> {
  const now = deps.clock.now();
  const person = { id: message.senderId, name: message.sender };
  const coReporters = isReporterOf(closed, person)
    ? closed.coReporters
    : [...closed.coReporters, message.sender];
  const closedAt = closed.closedAt ? formatChinaShort(closed.closedAt) : '';
  const reopened = await applyAction(deps.tickets, closed.number, {
    action: 'reopen',
    actor: message.sender,
    at: now,
    detail: `办结关闭（${closedAt}）后同一地点同类问题再次出现`,
    patch: { coReporters },
    outbox: (t) => [
      answer(message, intakeReplies.recurrenceReopened(t)),
      ...t.assignees.map((name) =>
        privately(name, intakeReplies.recurrenceNotice(t, message.sender, message.text)),
      ),
    ],
  });
  if (!reopened.ok) {
    return 'moved';
  }
  await deps.queue.enqueueOutbox(reopened.outboxIds);
  return changeAndSettle(deps, message, closed.number, {
    intent: OUTCOMES.recurrence,
    event: {
      at: now,
      actor: message.sender,
      type: 'recurrence',
      detail: `关闭未能解决问题：${closedAt}关闭后再次反映「${maskPersonalData(message.text)}」`,
    },
    patch: {},
  });
}
