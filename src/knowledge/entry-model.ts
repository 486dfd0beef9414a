import { messageFeatures } from '../classify/local/trained-model.js';
import { fitSoftmax, logitsOf, softmaxInPlace } from '../classify/model/logreg.js';

/** The phrasings that teach the model one entry: its title, its asks and the sentences of its answer. */
export type EntryExamples = { id: string; texts: readonly string[] };

export type EntryModel = {
  /** Each entry's probability for a question, most likely first. */
  rank(text: string): Array<{ id: string; p: number }>;
};

/** Fitted on a few hundred phrasings, the penalty that held best on the labelled question sets. */
const L2 = 1e-4;
const EPOCHS = 30;

/**
 * A multinomial logistic regression over the entries, on the same features as the message classifier
 * (character n-grams, jieba words, concept cues), trained when the knowledge base is loaded: a deployment
 * edits the file and the model follows. Deterministic (seeded order), a fraction of a second.
 */
export function trainEntryModel(examples: readonly EntryExamples[]): EntryModel {
  // the same knowledge base in one process (every app a test starts, a restart in the sandbox) trains once
  const key = JSON.stringify(examples);
  const known = trained.get(key);
  if (known) {
    return known;
  }
  const model = fitEntryModel(examples);
  trained.set(key, model);
  return model;
}

const trained = new Map<string, EntryModel>();

function fitEntryModel(examples: readonly EntryExamples[]): EntryModel {
  const vocab = new Map<string, number>();
  const rowOf = (text: string, grow: boolean): Int32Array => {
    const indices: number[] = [];
    for (const feature of new Set(messageFeatures(text))) {
      let i = vocab.get(feature);
      if (i === undefined && grow) {
        i = vocab.size;
        vocab.set(feature, i);
      }
      if (i !== undefined) {
        indices.push(i);
      }
    }
    return Int32Array.from(indices.sort((a, b) => a - b));
  };
  const rows = examples.flatMap((e, label) =>
    e.texts.map((text) => ({ features: rowOf(text, true), label })),
  );
  if (examples.length === 0) {
    return { rank: () => [] };
  }
  const model = fitSoftmax(rows, examples.length, vocab.size, { l2: L2, epochs: EPOCHS });
  return {
    rank(text) {
      const p = softmaxInPlace(logitsOf(model, rowOf(text, false)));
      return examples
        .map((e, k) => ({ id: e.id, p: p[k] ?? 0 }))
        .sort((a, b) => b.p - a.p || a.id.localeCompare(b.id));
    },
  };
}

/** The sentences of an answer, each a phrasing of its topic. */
export function answerSentences(answer: string): string[] {
  return answer
    .split(/[。；！？\n]/)
    .map((s) => s.trim())
    .filter((s) => [...s].length > 4);
}
