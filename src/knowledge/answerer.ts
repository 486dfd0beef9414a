import type { Logger } from '../logger.js';
import { maskPersonalData } from '../privacy/mask.js';
import type { KnowledgeAnswer, KnowledgeBase, Passage, Question } from './knowledge-base.js';

/** What a phrasing model made of the retrieved entries. */
export type PhrasedReply =
  /** An answer drawn from the entries it cites (ids of the passages it was given). */
  | { kind: 'answer'; text: string; entryIds: readonly string[] }
  /** The entries do not answer this question. */
  | { kind: 'none' }
  /** No usable reply (timeout, error, bad output): the local answer stands. */
  | { kind: 'failed'; reason: string };

/** Port: phrases an answer to one question from the given entries only (an LLM in production). */
export type AnswerPhraser = {
  phrase(question: string, passages: readonly Passage[]): Promise<PhrasedReply>;
};

/** What intake asks: an answer for a question, or who should answer it. */
export type Answerer = {
  answer(question: Question): KnowledgeAnswer | Promise<KnowledgeAnswer>;
};

/** Longest phrased answer shown in a group; a longer one is not trusted. */
export const MAX_PHRASED_CHARS = 300;

/**
 * The knowledge base alone, or with a phrasing model: the model reads the entries the two local readers
 * retrieve and answers the resident's exact point from them, or says they do not answer it (then a person
 * does). Its answer is used only when it is grounded (see `groundingProblem`); when it fails, the local
 * answer stands. The question reaches the model with personal numbers masked.
 */
export function createAnswerer(
  knowledge: KnowledgeBase,
  phraser: AnswerPhraser | undefined,
  logger: Pick<Logger, 'info' | 'warn'>,
): Answerer {
  if (!phraser) {
    return knowledge;
  }
  return {
    async answer(question) {
      const local = knowledge.answer(question);
      const passages = knowledge.passages(question);
      if (passages.length === 0) {
        return local;
      }
      const reply = await phraser.phrase(maskPersonalData(question.text), passages);
      if (reply.kind === 'failed') {
        logger.warn({ event: 'knowledge.phrase.failed', reason: reply.reason }, 'answer phrasing failed');
        return local;
      }
      if (reply.kind === 'none') {
        logger.info({ event: 'knowledge.phrase.none', localEntry: entryOf(local) }, 'entries do not answer');
        return { kind: 'unanswered', body: local.body };
      }
      const problem = groundingProblem(reply, passages);
      if (problem) {
        logger.warn({ event: 'knowledge.phrase.ungrounded', problem }, 'phrased answer not grounded');
        return local;
      }
      const cited = passages.filter((p) => reply.entryIds.includes(p.id));
      const first = cited[0] as Passage;
      logger.info({ event: 'knowledge.phrase.answered', entries: cited.map((p) => p.id) }, 'answer phrased');
      return {
        kind: 'answered',
        entryId: first.id,
        title: first.title,
        text: reply.text.trim(),
        body: first.body,
      };
    },
  };
}

const entryOf = (a: KnowledgeAnswer) => (a.kind === 'answered' ? a.entryId : null);

const toAscii = (text: string) =>
  text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/**
 * Why a phrased answer cannot be shown, or null when it can: it must cite at least one of the entries it
 * was given and no other, fit a group message, and every number in it (phone numbers, hours, dates, fees)
 * must appear in the cited entries: a model may reword, never invent a fact a resident would act on.
 */
export function groundingProblem(
  reply: { text: string; entryIds: readonly string[] },
  passages: readonly Passage[],
): string | null {
  const text = reply.text.trim();
  if (text.length === 0) {
    return 'empty answer';
  }
  if (text.length > MAX_PHRASED_CHARS) {
    return `answer of ${text.length} characters`;
  }
  if (reply.entryIds.length === 0) {
    return 'no entry cited';
  }
  const unknown = reply.entryIds.filter((id) => !passages.some((p) => p.id === id));
  if (unknown.length > 0) {
    return `cites entries it was not given: ${unknown.join(', ')}`;
  }
  const source = toAscii(
    passages
      .filter((p) => reply.entryIds.includes(p.id))
      .map((p) => `${p.title}\n${p.text}`)
      .join('\n'),
  );
  const invented = [...toAscii(text).matchAll(/\d+/g)].map((m) => m[0]).filter((n) => !source.includes(n));
  return invented.length > 0 ? `numbers not in the cited entries: ${invented.join(', ')}` : null;
}
