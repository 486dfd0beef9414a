import type { Directory } from '../directory/directory.js';
import type { Body, Intent } from '../labels/labels.js';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base.js';
import type { KnowledgeEntryData } from './schema.js';

/**
 * Held-out phrasings of the knowledge base's own `asks`: in each of `folds` rounds, every entry's asks of that
 * fold are taken out and asked of a knowledge base built without them. Measures how well the readers carry
 * over to wording they were not given, without touching any labelled question set.
 */
export function heldOutAsks(
  directory: Directory,
  entries: readonly KnowledgeEntryData[],
  folds = 5,
): {
  asked: number;
  right: number;
  wrong: number;
  unanswered: number;
  misses: string[];
  /** Pairs of entries taken for one another, most often first: merge them or make their asks differ. */
  confusions: Array<{ entries: [string, string]; count: number }>;
} {
  const confused = new Map<string, number>();
  let right = 0;
  let wrong = 0;
  let unanswered = 0;
  const misses: string[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const held = (j: number, asks: readonly string[]) => asks.length > 1 && j % folds === fold;
    const kb = createKnowledgeBase(
      directory,
      entries.map((e) => ({ ...e, asks: e.asks.filter((_, j) => !held(j, e.asks)) })),
    );
    for (const entry of entries) {
      entry.asks.forEach((ask, j) => {
        if (!held(j, entry.asks)) {
          return;
        }
        const got = kb.answer({ text: ask, room: null });
        if (got.kind !== 'answered') {
          unanswered++;
          misses.push(`unanswered  ${entry.id}: ${ask}`);
        } else if (got.entryId === entry.id) {
          right++;
        } else {
          wrong++;
          misses.push(`wrong       ${entry.id}: ${ask} → ${got.entryId}`);
          const pair = [entry.id, got.entryId].sort().join(' ');
          confused.set(pair, (confused.get(pair) ?? 0) + 1);
        }
      });
    }
  }
  const confusions = [...confused]
    .map(([pair, count]) => ({ entries: pair.split(' ') as [string, string], count }))
    .sort((a, b) => b.count - a.count || a.entries.join().localeCompare(b.entries.join()));
  return { asked: right + wrong + unanswered, right, wrong, unanswered, misses, confusions };
}

/** A resident's question with what a person judged the right outcome. */
export type LabelledQuestion = {
  id: string;
  text: string;
  room: string | null;
  /** Entries that answer it correctly; empty when the knowledge base has no answer. */
  answers: readonly string[];
  /** Who should answer it when the knowledge base cannot. */
  body: Body;
};

export type QuestionOutcome =
  | { id: string; kind: 'answered'; entryId: string; right: boolean }
  | { id: string; kind: 'question_ticket'; body: Body; rightBody: boolean }
  | { id: string; kind: 'read_as'; intent: Intent };

/**
 * What the bot does with each question, as intake does it: the classifier reads it; an inquiry is answered
 * from the knowledge base or becomes a question ticket for the body routing gives it; anything else is read
 * as that intent (a grievance ticket, chatter).
 */
export async function evaluateQuestions(
  kb: KnowledgeBase,
  questions: readonly LabelledQuestion[],
  read: (q: LabelledQuestion) => Promise<{ intent: Intent; body: Body }>,
  /** Whether intake tries the knowledge base on a message it did not read as an inquiry (see intake). */
  mayBeQuestion: (q: LabelledQuestion, c: { intent: Intent }) => boolean = () => false,
): Promise<QuestionOutcome[]> {
  const outcomes: QuestionOutcome[] = [];
  for (const q of questions) {
    const c = await read(q);
    const got = kb.answer({ text: q.text, room: q.room });
    if (c.intent !== 'inquiry') {
      outcomes.push(
        got.kind === 'answered' && mayBeQuestion(q, c)
          ? { id: q.id, kind: 'answered', entryId: got.entryId, right: q.answers.includes(got.entryId) }
          : { id: q.id, kind: 'read_as', intent: c.intent },
      );
      continue;
    }
    outcomes.push(
      got.kind === 'answered'
        ? { id: q.id, kind: 'answered', entryId: got.entryId, right: q.answers.includes(got.entryId) }
        : {
            id: q.id,
            kind: 'question_ticket',
            body: got.body ?? 'committee',
            rightBody: (got.body ?? 'committee') === q.body,
          },
    );
  }
  return outcomes;
}
