import type { Answerer } from '../knowledge/answerer.js';
import type { Classification } from '../labels/classification.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';
import { type OpenTicketDeps, openNewTicket } from './open-new-ticket.js';
import { placedRouting } from './read-request.js';
import { intakeReplies } from './replies.js';
import { answer } from './reply-to.js';
import { OUTCOMES } from './request-window.js';

export type AnswerQuestionDeps = OpenTicketDeps & {
  knowledge: Answerer;
  tickets: OpenTicketDeps['tickets'] & Pick<TicketStore, 'settleMessage'>;
};

/**
 * A resident's question: answered from the knowledge base when it has a good answer; otherwise the bot says
 * so and opens a question ticket for the liaison who can answer, with a response deadline, whose answer
 * (「答复 N 内容」) the bot relays to the asker. Never a promise that nobody keeps.
 */
export async function answerQuestion(
  deps: AnswerQuestionDeps,
  message: SeenMessage,
  q: { c: Classification; text: string },
  options: { ticketIfUnanswered: boolean } = { ticketIfUnanswered: true },
): Promise<boolean> {
  const found = await deps.knowledge.answer({ text: q.text, room: message.room });
  if (found.kind !== 'answered' && !options.ticketIfUnanswered) {
    return false;
  }
  if (found.kind === 'answered') {
    const { outboxIds } = await deps.tickets.settleMessage(
      message.key,
      { ticketNumber: null, intent: `${OUTCOMES.answered}:${found.entryId}`, handledAt: deps.clock.now() },
      [answer(message, intakeReplies.knowledgeAnswer(found.title, found.text))],
    );
    await deps.queue.enqueueOutbox(outboxIds);
    deps.logger.info(
      { event: 'intake.question.answered', messageKey: message.key, entry: found.entryId },
      'question answered from the knowledge base',
    );
    return true;
  }
  // who answers: the body of the knowledge base's related entry, else the committee (居委会)
  const c: Classification = {
    ...q.c,
    intent: 'inquiry',
    category: 'consultation',
    body: found.body ?? 'committee',
    urgency: 'normal',
  };
  const routing = placedRouting(deps, message, c, q.text);
  await openNewTicket(deps, message, { c, text: q.text, routing, loosePhotos: [] });
  return true;
}

const QUESTION_FORM =
  /[?？]\s*$|[吗呢么嘛不没]\s*[?？~～。!！]*\s*$|怎么|如何|哪里|哪儿|在哪|哪个|哪位|哪家|哪些|几点|几号|多少|多久|什么时候|啥时候|能不能|可不可以|可以不|有没有|是不是|是否|能否|要不要|中不中|行不行|谁|(\p{Script=Han})不\1/u;

/** Worded as a question: a question mark or particle at the end, or a question word. */
export function isQuestionForm(text: string): boolean {
  return QUESTION_FORM.test(text);
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
