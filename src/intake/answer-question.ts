import type { Classifier } from '../classify/classifier.js';
import type { Answerer } from '../knowledge/answerer.js';
import type { Classification } from '../labels/classification.js';
import type { Body } from '../labels/labels.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';
import { isQuestionForm } from './conversation-cues.js';
import { answerFromKnownProblem, type KnownProblemDeps } from './known-problem.js';
import { type OpenTicketDeps, openNewTicket } from './open-new-ticket.js';
import { placedRouting } from './read-request.js';
import { intakeReplies } from './replies.js';
import { answer } from './reply-to.js';
import { OUTCOMES } from './request-window.js';
import { joinOpenQuestion, type SameQuestionDeps } from './same-question.js';
import { settleAndQueue } from './settle-on-ticket.js';
import { subjectOf } from './subject.js';

export type AnswerQuestionDeps = OpenTicketDeps &
  KnownProblemDeps &
  SameQuestionDeps & {
    knowledge: Answerer;
    tickets: OpenTicketDeps['tickets'] &
      KnownProblemDeps['tickets'] &
      SameQuestionDeps['tickets'] &
      Pick<TicketStore, 'settleMessage'>;
  };

/**
 * A resident's question: answered from the knowledge base when it has a good answer; else, when it asks about
 * a problem that has an open ticket (「几点来电啊？」), from that ticket (answerFromKnownProblem); otherwise the
 * bot says so and opens a question ticket for the liaison who can answer, with a response deadline, whose
 * answer (「答复 N 内容」) the bot relays to the asker. Never a promise that nobody keeps.
 */
export async function answerQuestion(
  deps: AnswerQuestionDeps,
  message: SeenMessage,
  q: { c: Classification; text: string },
  options: { ticketIfUnanswered: boolean } = { ticketIfUnanswered: true },
): Promise<boolean> {
  const found = await deps.knowledge.answer({ text: q.text, room: message.room });
  if (found.kind !== 'answered') {
    const { location } = placedRouting(deps, message, q.c, q.text);
    if (await answerFromKnownProblem(deps, message, { c: q.c, location })) {
      return true;
    }
    if (!options.ticketIfUnanswered) {
      return false;
    }
    if (await joinOpenQuestion(deps, message, { c: q.c, location })) {
      return true;
    }
  }
  if (found.kind === 'answered') {
    await settleAndQueue(
      deps,
      message,
      { ticketNumber: null, intent: `${OUTCOMES.answered}:${found.entryId}` },
      [answer(message, intakeReplies.knowledgeAnswer(found.title, found.text))],
    );
    deps.logger.info(
      { event: 'intake.question.answered', messageKey: message.key, entry: found.entryId },
      'question answered from the knowledge base',
    );
    return true;
  }
  await openQuestionTicket(deps, message, { ...q, body: found.body });
  return true;
}

/**
 * A question ticket for the liaison who can answer. A question about a problem (「电什么时候能来」, subjectOf)
 * takes that problem's category, as labels.md has an inquiry do, and the body the routing table gives it
 * there: a knowledge-base entry that only shares words with it (the gas company's hours) does not route it.
 * Any other question is a consultation for the body of the related entry, else the committee.
 */
async function openQuestionTicket(
  deps: AnswerQuestionDeps,
  message: SeenMessage,
  q: { c: Classification; text: string; body: Body | null },
): Promise<void> {
  const subject = subjectOf(q.c);
  const suggested = subject && q.c.category === subject ? q.c.body : q.body;
  const c: Classification = {
    ...q.c,
    intent: 'inquiry',
    category: subject ?? 'consultation',
    body: suggested ?? 'committee',
    urgency: 'normal',
  };
  const routing = placedRouting(deps, message, c, q.text);
  await openNewTicket(deps, message, { c, text: q.text, routing, loosePhotos: [] });
}

/** How long after an answer from the knowledge base 「转人工」 still refers to it. */
export const ASK_FOR_PERSON_WINDOW_S = 60 * 60;

const ASK_FOR_PERSON =
  /^(?:转人工|人工|找人工|要人工|人工客服|转人工客服|找真人|真人|没答到|没有答到|没回答到|没有回答到|答非所问|不是这个|不是我问的|不是我要问的)[!！。.~～，,]*$/;

/** 「转人工」, 「没答到」, 「不是我问的」: the resident turns the knowledge base's answer down. */
export function isAskForPerson(text: string): boolean {
  return ASK_FOR_PERSON.test(text.replace(/@\S+[\s\u2005]*/g, '').trim());
}

/**
 * A resident who turns down an answer from the knowledge base (「转人工」 within the hour, in the same room)
 * gets a person: their question becomes a question ticket for the liaison of the answer's topic, whose reply
 * the bot relays. False when the sender had no such answer, so the message is read as usual.
 */
export async function handOverToPerson(
  deps: AnswerQuestionDeps & { tickets: Pick<TicketStore, 'recentMessages'>; classifier: Classifier },
  message: SeenMessage,
): Promise<boolean> {
  const recent = await deps.tickets.recentMessages({
    senderId: message.senderId,
    roomId: message.roomId,
    since: new Date(message.sentAt.getTime() - ASK_FOR_PERSON_WINDOW_S * 1000),
    limit: 20,
  });
  const asked = recent
    .filter((m) => m.key !== message.key && m.sentAt <= message.sentAt)
    .reverse()
    .find((m) => m.outcome?.intent?.startsWith(`${OUTCOMES.answered}:`));
  if (!asked) {
    return false;
  }
  const found = await deps.knowledge.answer({ text: asked.text, room: message.room });
  // the question was read when it was asked; its place is read again, locally
  const c = await deps.classifier.classify({
    text: asked.text,
    roomTopic: message.room ?? undefined,
    draft: true,
  });
  await openQuestionTicket(deps, message, { c, text: asked.text, body: found.body });
  deps.logger.info(
    { event: 'intake.question.handed_over', messageKey: message.key, answeredKey: asked.key },
    'answer turned down, question ticket opened',
  );
  return true;
}

/**
 * A message the classifier did not call an inquiry but that may be one: worded as a question and read as
 * chatter or feedback, or as a grievance the classifier is unsure of while it gives an inquiry a real
 * chance. Such a message is answered only when the knowledge base has a good answer; otherwise it goes on
 * as the classifier read it.
 */
export function mayBeQuestion(c: Classification, text: string): boolean {
  if (!isQuestionForm(text) || c.intent === 'emergency' || c.emergency_check) {
    return false;
  }
  if (c.intent === 'chatter' || c.intent === 'feedback') {
    return true;
  }
  const p = c.probabilities;
  return c.intent === 'grievance' && (p.grievance ?? 1) < 0.5 && (p.inquiry ?? 0) >= 0.2;
}
