import { formatChinaShort } from '../clock/china-time.js';
import { maskPersonalData } from '../privacy/mask.js';
import { applyActions } from '../tickets/apply-action.js';
import { isReporterOrCo, withCoReporter } from '../tickets/reporters.js';
import type { Ticket } from '../tickets/ticket.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';
import { intakeReplies } from './replies.js';
import { answer, ticketNotice } from './reply-to.js';
import { OUTCOMES } from './request-window.js';
import type { SettleResult, TicketChangeDeps } from './settle-on-ticket.js';

export type RecurrenceDeps = TicketChangeDeps & {
  tickets: Pick<TicketStore, 'getTicket' | 'change' | 'getMessage'>;
};

/**
 * A problem back at the same place within the recurrence window of a closure: the closed ticket is reopened
 * (`reopen`, counted in reopenCount; its deadlines resume as for any reopen) and a `recurrence` event
 * records that the closure failed, in one change. The reporter is told the old #N was reopened; its assignees are told privately. A new
 * reporter joins as co-reporter. Reopening keeps one ticket per problem, so the numbers stay honest.
 */
export async function reopenRecurrence(
  deps: RecurrenceDeps,
  message: SeenMessage,
  closed: Ticket,
): Promise<SettleResult> {
  const now = deps.clock.now();
  const person = { id: message.senderId, name: message.sender };
  const coReporters = isReporterOrCo(closed, person)
    ? { coReporters: closed.coReporters, coReporterIds: closed.coReporterIds }
    : withCoReporter(closed, person);
  const closedAt = closed.closedAt ? formatChinaShort(closed.closedAt) : '';
  const reopened = await applyActions(deps.tickets, closed.number, {
    actor: message.sender,
    at: now,
    // one change: the reopen, the record that the closure failed, and the message settled, or none of them
    steps: [
      {
        action: 'reopen',
        detail: `办结关闭（${closedAt}）后同一地点同类问题再次出现`,
        patch: coReporters,
      },
      {
        eventType: 'recurrence',
        detail: `关闭未能解决问题：${closedAt}关闭后再次反映「${maskPersonalData(message.text)}」`,
      },
    ],
    settles: { messageKey: message.key, intent: OUTCOMES.recurrence },
    outbox: (t) => [
      answer(message, intakeReplies.recurrenceReopened(t)),
      ...t.assignees.map((name) =>
        ticketNotice(t, name, intakeReplies.recurrenceNotice(t, message.sender, message.text)),
      ),
    ],
  });
  if (!reopened.ok) {
    const seen = await deps.tickets.getMessage(message.key);
    return seen?.outcome ? 'seen' : 'moved';
  }
  await deps.queue.enqueueOutbox(reopened.outboxIds);
  return 'changed';
}
