import type { Classification } from '../labels/classification.js';
import { isReporterOrCo } from '../tickets/reporters.js';
import type { Ticket } from '../tickets/ticket.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';
import { type FollowUpDeps, recordFollowUp } from './follow-up.js';
import type { IntakeSettings } from './intake-settings.js';
import { joinAsCoReporter } from './join-ticket.js';
import { openInRoom } from './related-tickets.js';
import { subjectOf } from './subject.js';

export type SameQuestionDeps = FollowUpDeps & {
  tickets: FollowUpDeps['tickets'] & Pick<TicketStore, 'recentTickets'>;
  settings: Pick<IntakeSettings, 'mergeWindowH'>;
};

/**
 * The same question asked again while a neighbour's question about it waits for its answer in the group
 * (「什么时候能来电？」 twice before the power company has answered): the asker joins that question ticket, so
 * the liaison is asked once and the one answer (答复 N, or an answer in the group) reaches every asker. Only a
 * question about a problem (subjectOf) and at no other building than the ticket's: two consultations share no
 * subject to be sure of. The ticket's own asker asking again chases it. False when no such question is open.
 */
export async function joinOpenQuestion(
  deps: SameQuestionDeps,
  message: SeenMessage,
  asked: { c: Pick<Classification, 'category_probabilities'>; location: Ticket['location'] },
): Promise<boolean> {
  const subject = subjectOf(asked.c);
  if (!subject || message.room === null) {
    return false;
  }
  const open = await openInRoom(deps.tickets, message, {
    now: deps.clock.now(),
    mergeWindowH: deps.settings.mergeWindowH,
  });
  const building = asked.location.building;
  // newest first: the latest such question
  const t = open.find(
    (o) =>
      o.intent === 'inquiry' &&
      o.category === subject &&
      (building === null || o.location.building === null || o.location.building === building),
  );
  if (!t) {
    return false;
  }
  const result = isReporterOrCo(t, { id: message.senderId, name: message.sender })
    ? await recordFollowUp(deps, message, t)
    : await joinAsCoReporter(deps, message, t, { question: true });
  deps.logger.info(
    { event: 'intake.question.same_question', messageKey: message.key, ticket: t.number, subject },
    'question joined the open question about the same subject',
  );
  return result !== 'moved';
}
