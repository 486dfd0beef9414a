import type { Classifier } from '../classify/classifier.js';
import type { Directory } from '../directory/directory.js';
import { maskPersonalData } from '../privacy/mask.js';
import { capText, MAX_CLASSIFIED_CHARS } from '../text/clean-text.js';
import { applyActions } from '../tickets/apply-action.js';
import { openedAsCheck } from '../tickets/emergency-check.js';
import { reporterNames } from '../tickets/reporters.js';
import { MIN_RESOLVE_TEXT_LENGTH, resolutionSteps } from '../tickets/resolution.js';
import type { Ticket } from '../tickets/ticket.js';
import { handles } from '../tickets/ticket-roles.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';
import type { IntakeSettings } from './intake-settings.js';
import { findKnownProblem } from './known-problem.js';
import { parseQuote } from './quote.js';
import { placedRouting } from './read-request.js';
import { findAddressedTicket, findQuotedTicket, OPEN_STATUSES } from './related-tickets.js';
import { intakeReplies } from './replies.js';
import { toReporters } from './reply-to.js';
import { OUTCOMES } from './request-window.js';
import { changeAndSettle, type SettleResult, type TicketChangeDeps } from './settle-on-ticket.js';
import { subjectOf } from './subject.js';

export type StaffReplyDeps = TicketChangeDeps & {
  tickets: TicketChangeDeps['tickets'] &
    Pick<TicketStore, 'recentTickets' | 'recentMessages' | 'events' | 'ticketsAtPlace' | 'getTicket'>;
  directory: Directory;
  classifier: Pick<Classifier, 'classify'>;
  settings: Pick<IntakeSettings, 'mergeWindowH'>;
};

/**
 * A staff member's line in a residents' group that answers a resident with an open ticket there: an @ of the
 * reporter or a co-reporter (「@王阿姨 收到，师傅十点前上门」), or a quote of the report. It is recorded on the
 * ticket (`staff_replied`, shown in 查询). From someone who works the ticket (assignee, the grid's worker,
 * the body's liaison, a supervisor) it is the ticket's response when none came before: the resident was
 * answered where they asked, so the response deadline stops and no reminder or 督办 says otherwise (not for
 * an emergency or an emergency check, which wait for 接单). It does not accept or resolve a request: that
 * still takes 接单 and 办结 with evidence; a handler's answer to a resident's question does answer the question
 * (answerQuestionInGroup). Nothing is relayed: the resident has read the answer in the group.
 * A line that addresses nobody but tells how a known problem stands (updatedTicket) is recorded the same way
 * as `staff_update`: a neighbour asking about the problem is then told it. `undefined` when the line answers
 * no open ticket (findAddressedTicket: the resident's last words) and tells of none.
 */
export async function readStaffReply(
  deps: StaffReplyDeps,
  message: SeenMessage,
): Promise<SettleResult | undefined> {
  const addressed = await addressedTicket(deps, message);
  const t = addressed ?? (addresses(message.text) ? undefined : await updatedTicket(deps, message));
  if (!t) {
    return undefined;
  }
  const now = deps.clock.now();
  const handler = handles(deps.directory.person(message.sender, message.senderId), t);
  if (addressed && handler && t.intent === 'inquiry') {
    const answered = await answerQuestionInGroup(deps, message, t);
    if (answered !== undefined) {
      return answered;
    }
  }
  const responds = t.respondedAt === null && handler && !(await asksForTaking(deps, t));
  return changeAndSettle(deps, message, t.number, {
    intent: OUTCOMES.staffReply,
    event: {
      at: now,
      actor: message.sender,
      type: addressed ? 'staff_replied' : 'staff_update',
      detail: maskPersonalData(message.text),
    },
    patch: responds ? { respondedAt: now } : {},
    expectStatus: OPEN_STATUSES,
    outbox: [],
  });
}

/**
 * A handler's answer in the group to a resident's open question (「@王阿姨 周六上午有人值班」) is the question's
 * answer, as 答复 N would give it: accepted if need be, resolved with the words as evidence, and the asker (and
 * anyone who asked the same) asked to confirm, so the question is neither left waiting for 答复 nor pressed
 * as late. Nothing relays the answer: the asker read it in the group. `undefined` when the words say too
 * little to be an answer or the question moved meanwhile; the line is then recorded as a reply.
 */
async function answerQuestionInGroup(
  deps: StaffReplyDeps,
  message: SeenMessage,
  t: Ticket,
): Promise<SettleResult | undefined> {
  const words = answerWords(message.text, t);
  if ([...words].length < MIN_RESOLVE_TEXT_LENGTH || !OPEN_STATUSES.includes(t.status)) {
    return undefined;
  }
  const at = deps.clock.now();
  const what = maskPersonalData(words);
  const res = await applyActions(deps.tickets, t.number, {
    actor: message.sender,
    at,
    steps: resolutionSteps(t, { what, by: message.sender, at, acceptedWhy: '接单（在群里答复时）' }),
    settles: { messageKey: message.key, intent: OUTCOMES.staffAnswer },
    outbox: (next) => toReporters(next, intakeReplies.answeredInGroup(next)),
  });
  if (!res.ok) {
    return undefined;
  }
  await deps.queue.enqueueOutbox(res.outboxIds);
  deps.logger.info(
    { event: 'intake.question.answered_in_group', messageKey: message.key, ticket: t.number },
    'question answered by staff in the group',
  );
  return 'changed';
}

/** The words of an answer: without the quote it answers, or the @ of the asker it begins with. */
function answerWords(text: string, t: Ticket): string {
  const { quoted, text: rest } = parseQuote(text);
  if (quoted) {
    return rest;
  }
  const addressed = text.trimStart().slice(1);
  const names = reporterNames(t).sort((a, b) => b.length - a.length);
  const name = names.find((n) => n.length > 0 && addressed.startsWith(n));
  return (name ? addressed.slice(name.length) : addressed).replace(/^[\s\u2005,，:：]+/, '').trim();
}

/**
 * An emergency, or a possible one asked to be checked: staff are asked to take it (接单) and the ladder
 * presses until someone does, so words in the group, however close to the danger, do not stop its clock.
 */
async function asksForTaking(deps: StaffReplyDeps, t: Ticket): Promise<boolean> {
  if (t.urgency === 'emergency' || t.intent === 'emergency') {
    return true;
  }
  return openedAsCheck(deps.tickets, t.number);
}

/** A line that quotes someone or begins with an @: it answers that person, or nobody's ticket. */
const addresses = (text: string) => parseQuote(text).quoted !== null || /^\s*[@＠]/.test(text);

/**
 * The ticket a staff line addressing nobody tells the group about (「热力公司的师傅已经到换热站了」): the one
 * open ticket of the line's subject where the group lives (findKnownProblem), read by the local model only.
 */
async function updatedTicket(deps: StaffReplyDeps, message: SeenMessage): Promise<Ticket | undefined> {
  const c = await deps.classifier.classify({
    text: capText(message.text, MAX_CLASSIFIED_CHARS),
    roomTopic: message.room ?? undefined,
    draft: true,
  });
  const subject = subjectOf(c);
  if (!subject) {
    return undefined;
  }
  const { location } = placedRouting(deps, message, c, message.text);
  return findKnownProblem(
    deps,
    message,
    { subject, location },
    {
      now: deps.clock.now(),
      mergeWindowH: deps.settings.mergeWindowH,
    },
  );
}

async function addressedTicket(deps: StaffReplyDeps, message: SeenMessage): Promise<Ticket | undefined> {
  const window = { now: deps.clock.now(), mergeWindowH: deps.settings.mergeWindowH };
  const { quoted } = parseQuote(message.text);
  if (quoted) {
    return findQuotedTicket(deps.tickets, message, quoted, window);
  }
  return findAddressedTicket(deps.tickets, message, window);
}
