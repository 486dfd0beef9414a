import { featuresOf } from './segmenter.js';

/** A multinomial naive Bayes head: one label set, Laplace-smoothed counts; plain data so it serialises as JSON. */
export type NaiveBayesHead = {
  labels: string[];
  /** log prior per label, same order as labels */
  logPrior: number[];
  /** feature → count per label */
  counts: Record<string, number[]>;
  totals: number[];
  vocabularySize: number;
};

/** The statistical part of the local classifier, one head per label field. */
export type TrainedModel = {
  version: 1;
  intent: NaiveBayesHead;
  /** trained on actionable messages only */
  category: NaiveBayesHead;
  urgency: NaiveBayesHead;
};

export type TrainingExample = { text: string; intent: string; category: string; urgency: string };

export type Prediction = { label: string; probability: number; distribution: Map<string, number> };

const ALPHA = 0.3;

export function trainModel(
  examples: readonly TrainingExample[],
  prepare: (text: string) => string,
): TrainedModel {
  const featured = examples.map((e) => ({ ...e, features: uniqueFeatures(prepare(e.text)) }));
  const actionable = featured.filter((e) => e.category !== 'none');
  return {
    version: 1,
    intent: trainHead(featured.map((e) => [e.features, e.intent])),
    category: trainHead(actionable.map((e) => [e.features, e.category])),
    urgency: trainHead(actionable.map((e) => [e.features, e.urgency])),
  };
}

function uniqueFeatures(text: string): string[] {
  return [...new Set(featuresOf(text))];
}

function trainHead(rows: ReadonlyArray<readonly [string[], string]>): NaiveBayesHead {
  const labels = [...new Set(rows.map(([, label]) => label))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const docs = labels.map(() => 0);
  const counts: Record<string, number[]> = {};
  const totals = labels.map(() => 0);
  for (const [features, label] of rows) {
    const i = index.get(label) ?? 0;
    docs[i] = (docs[i] ?? 0) + 1;
    for (const f of features) {
      counts[f] ??= labels.map(() => 0);
      const row = counts[f];
      row[i] = (row[i] ?? 0) + 1;
      totals[i] = (totals[i] ?? 0) + 1;
    }
  }
  const n = rows.length || 1;
  return {
    labels,
    logPrior: docs.map((d) => Math.log((d + 1) / (n + labels.length))),
    counts,
    totals,
    vocabularySize: Object.keys(counts).length,
  };
}

/** Posterior over the head's labels for a text already normalised. */
export function predictHead(head: NaiveBayesHead, features: readonly string[]): Prediction {
  const scores = head.logPrior.slice();
  for (const f of new Set(features)) {
    const row = head.counts[f];
    if (!row) {
      continue;
    }
    for (let i = 0; i < scores.length; i++) {
      const denominator = (head.totals[i] ?? 0) + ALPHA * head.vocabularySize;
      scores[i] = (scores[i] ?? 0) + Math.log(((row[i] ?? 0) + ALPHA) / denominator);
    }
  }
  return toPrediction(head.labels, scores);
}

function toPrediction(labels: readonly string[], scores: readonly number[]): Prediction {
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  const distribution = new Map(labels.map((l, i) => [l, (exp[i] ?? 0) / sum]));
  let best = labels[0] ?? 'none';
  for (const [label, p] of distribution) {
    if (p > (distribution.get(best) ?? 0)) {
      best = label;
    }
  }
  return { label: best, probability: distribution.get(best) ?? 0, distribution };
}
