import type { Directory } from '../directory/directory.js';
import type { Classification } from '../labels/classification.js';
import type { Category } from '../labels/labels.js';
import { latestPublicNote } from '../tickets/public-notes.js';
import { isReporterOrCo } from '../tickets/reporters.js';
import type { Ticket } from '../tickets/ticket.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';
import { type FollowUpDeps, recordFollowUp } from './follow-up.js';
import type { IntakeSettings } from './intake-settings.js';
import { joinAsCoReporter } from './join-ticket.js';
import { findOpenDuplicate, openDuplicateQueries, openInRoom } from './related-tickets.js';
import { intakeReplies } from './replies.js';
import { answer } from './reply-to.js';
import { OUTCOMES } from './request-window.js';
import { type SettleResult, settleAndQueue } from './settle-on-ticket.js';
import { subjectOf } from './subject.js';

export type KnownProblemDeps = FollowUpDeps & {
  tickets: FollowUpDeps['tickets'] & Pick<TicketStore, 'ticketsAtPlace' | 'recentTickets' | 'events'>;
  directory: Pick<Directory, 'isStaff' | 'group'>;
  settings: Pick<IntakeSettings, 'mergeWindowH'>;
};

/**
 * A question about a problem that already has an open ticket (findKnownProblem) is answered from it: a
 * neighbour, whose question says they have the problem too, joins it as a co-reporter and is told the
 * ticket, how many reported it, who follows it and the latest note staff wrote for residents; someone from
 * another compound, or talk the classifier reads as chatter, is told the same without joining; the ticket's own reporter asking is chasing it. False
 * when the question has no subject or no such ticket is open. `placeLooked`: the caller already looked at the
 * place as a report would (openDuplicateQueries) and found nothing, so only the group's one such ticket is left.
 */
export async function answerFromKnownProblem(
  deps: KnownProblemDeps,
  message: SeenMessage,
  asked: { c: Pick<Classification, 'category_probabilities' | 'intent'>; location: Ticket['location'] },
  options: { placeLooked?: boolean } = {},
): Promise<boolean> {
  const subject = subjectOf(asked.c);
  if (!subject) {
    return false;
  }
  const t = await findKnownProblem(
    deps,
    message,
    { subject, location: asked.location },
    {
      now: deps.clock.now(),
      mergeWindowH: deps.settings.mergeWindowH,
      placeLooked: options.placeLooked === true,
    },
  );
  if (!t) {
    return false;
  }
  let result: SettleResult;
  if (isReporterOrCo(t, { id: message.senderId, name: message.sender })) {
    result = await recordFollowUp(deps, message, t);
  } else {
    const note = latestPublicNote(await deps.tickets.events(t.number), (name) =>
      deps.directory.isStaff(name),
    );
    const latest = note ? { at: note.at, text: note.detail } : null;
    // talk worded as a question (「你看看是不是空开跳了」) is answered but says too little to count as a report
    const onlyTold = asked.c.intent === 'chatter' || livesElsewhere(deps.directory, message, t);
    result = onlyTold
      ? await answerOnly(deps, message, t, latest)
      : await joinAsCoReporter(deps, message, t, { asked: latest });
  }
  deps.logger.info(
    { event: 'intake.question.known_problem', messageKey: message.key, ticket: t.number, subject },
    'question answered from an open ticket',
  );
  return result !== 'moved';
}

/**
 * Whether the asker's group is another compound's than the ticket's: 「听说二区停电了 锦苑会不会也停啊」 in
 * 锦苑's group asks about 二区's cut without having it.
 */
function livesElsewhere(
  directory: Pick<Directory, 'group'>,
  message: Pick<SeenMessage, 'room'>,
  t: Ticket,
): boolean {
  const home = message.room === null ? undefined : directory.group(message.room)?.compound;
  return home !== undefined && home !== null && t.location.compound !== null && home !== t.location.compound;
}

/** The ticket's state told to someone who asked about it without having the problem: nothing is joined. */
async function answerOnly(
  deps: KnownProblemDeps,
  message: SeenMessage,
  t: Ticket,
  asked: { at: Date; text: string } | null,
): Promise<SettleResult> {
  await settleAndQueue(deps, message, { ticketNumber: t.number, intent: OUTCOMES.answeredFromTicket }, [
    answer(message, intakeReplies.askedKnownProblem(t, asked)),
  ]);
  return 'changed';
}

/**
 * The open ticket a resident's question is about (「几点来电啊？」 while the compound's power cut is open,
 * 「2号楼电梯好了吗？」): a ticket of the question's subject at the place it names, or for a supply anywhere in
 * the compound (openDuplicateQueries, as a report would join); when the question names no place, the one
 * open ticket of that subject reported in this group within the merge window (two or more: it is not known
 * which).
 */
export async function findKnownProblem(
  deps: { tickets: Pick<TicketStore, 'ticketsAtPlace' | 'recentTickets'> },
  message: Pick<SeenMessage, 'room' | 'roomId'>,
  asked: { subject: Category; location: Ticket['location'] },
  input: { now: Date; mergeWindowH: number; placeLooked?: boolean },
): Promise<Ticket | undefined> {
  const queries = openDuplicateQueries({ category: asked.subject, location: asked.location }, input);
  const atPlace = input.placeLooked ? undefined : await findOpenDuplicate(deps.tickets, queries);
  if (
    atPlace ||
    asked.location.building !== null ||
    asked.location.landmark !== null ||
    message.room === null
  ) {
    return atPlace;
  }
  const open = await openInRoom(deps.tickets, message, input);
  const same = open.filter((t) => t.category === asked.subject && t.intent !== 'inquiry');
  return same.length === 1 ? same[0] : undefined;
}
