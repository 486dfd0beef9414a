import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fitSoftmax, rowScale, type SparseRow } from '../model/logreg.js';
import { messageFeatures } from './trained-model.js';

/**
 * Whether a line in an open emergency's thread calls it off (「出来了 抱着我一直哭」「灭了灭了」「原来是邻居在熏
 * 腊肉」): a logistic regression over the same features as the classifier, learned from emergency threads
 * labelled line by line (datasets/all-clear/), with a threshold set for precision on out-of-fold predictions.
 * A false all-clear pauses a real emergency's escalation (staff are told at once and confirm), so the
 * threshold favours precision over recall.
 */

/**
 * One labelled line of an emergency thread. `bystander`: a neighbour's line, which the bot never acts on (only
 * the reporter's and staff's all-clears call an emergency off); it trains the model but does not set its threshold.
 */
export type AllClearExample = { text: string; allClear: boolean; source: string; bystander?: boolean };

export type AllClearOptions = { l2: number; epochs: number; learningRate: number; folds: number };
export const DEFAULT_ALL_CLEAR_OPTIONS: AllClearOptions = {
  l2: 3e-4,
  epochs: 20,
  learningRate: 0.2,
  folds: 5,
};

/** The precision the threshold is set to reach on out-of-fold predictions. */
const TARGET_PRECISION = 0.9;
/** The threshold when no candidate reaches the target: a line must be more likely an all-clear than not and then some. */
const FALLBACK_THRESHOLD = 0.8;
const DECIMALS = 1e5;
/**
 * How a line is read (lineProbability) and where the threshold is set, part of the version: the same weights
 * read or cut otherwise are another model.
 */
const READING = 'max of the line and its sentences; threshold on the reporter and staff lines';

/** The model file (`models/all-clear-model.json`), written by `npm run train` beside the classifier's. */
export type AllClearModelFile = {
  format: 'shaozi-all-clear-model';
  version: string;
  data: { lines: number; sha256: string; sources: Record<string, number> };
  options: AllClearOptions;
  /** P(all-clear) at or above which a line calls the emergency off. */
  threshold: number;
  /**
   * Out-of-fold precision and recall at the threshold (folds by writer when there are several), on the lines
   * the bot acts on (the reporter's and staff's).
   */
  outOfFold: { precision: number; recall: number };
  bias: number;
  /** Sorted features and, in the same order, each one's weight (the log-odds it adds, before scaling). */
  features: string[];
  weights: number[];
};

/** A loaded model: the probability that a line calls an emergency off, and the decision. */
export type AllClearReader = { probability(text: string): number; isAllClear(text: string): boolean };

type Binary = { features: Map<string, number>; weights: Float64Array; bias: number };

function fitBinary(
  examples: readonly AllClearExample[],
  lists: ReadonlyArray<readonly string[]>,
  options: AllClearOptions,
): Binary {
  const vocabulary = [...new Set(lists.flat())].sort();
  const features = new Map(vocabulary.map((f, i) => [f, i]));
  const rows: SparseRow[] = examples.map((e, i) => ({
    features: rowOf(features, lists[i] ?? []),
    label: e.allClear ? 1 : 0,
  }));
  const model = fitSoftmax(rows, 2, vocabulary.length, {
    l2: options.l2,
    epochs: options.epochs,
    learningRate: options.learningRate,
  });
  // two classes: the difference of their weights is the log-odds of an all-clear
  const weights = new Float64Array(vocabulary.length);
  for (let f = 0; f < vocabulary.length; f++) {
    weights[f] = (model.weights[f * 2 + 1] as number) - (model.weights[f * 2] as number);
  }
  return { features, weights, bias: (model.bias[1] as number) - (model.bias[0] as number) };
}

function rowOf(features: ReadonlyMap<string, number>, list: readonly string[]): Int32Array {
  const indices: number[] = [];
  for (const f of new Set(list)) {
    const i = features.get(f);
    if (i !== undefined) {
      indices.push(i);
    }
  }
  return Int32Array.from(indices.sort((a, b) => a - b));
}

/**
 * The sentences of a line (split at 。！？；, their ASCII forms and line breaks), each of at least two
 * characters: a long update buries its all-clear in one of them (「…经排查系烧水壶干烧，已处理完毕。另外…」).
 */
export function sentencesOf(text: string): string[] {
  const sentences = text
    .split(/[。！？!?；;\n]+/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= 2);
  return sentences.length > 1 ? sentences : [];
}

/** The features of a line and of each of its sentences: what lineProbability reads. */
function readingOf(text: string): string[][] {
  return [messageFeatures(text), ...sentencesOf(text).map((s) => messageFeatures(s))];
}

/**
 * P(all-clear) of a line: the likeliest of the whole line and each of its sentences. The model weighs a line's
 * features by its length (rowScale), so a long staff summary that says 「人已脱离危险」 among what happened and
 * what to do next reads as hardly an all-clear at all; its sentences do not. Out of fold by writer on the
 * first four thread sets this raised recall from 65 % to 74 % at the same 90 % precision.
 */
function lineProbability(model: Binary, reading: ReadonlyArray<readonly string[]>): number {
  return Math.max(...reading.map((list) => probabilityOf(model, list)));
}

function probabilityOf(model: Binary, list: readonly string[]): number {
  const row = rowOf(model.features, list);
  const scale = rowScale(row);
  let z = model.bias;
  for (const i of row) {
    z += scale * (model.weights[i] as number);
  }
  return 1 / (1 + Math.exp(-z));
}

/**
 * Out-of-fold probabilities: by writer when the lines come from several (a new writer is what the bot
 * meets), else in seeded folds.
 */
function outOfFold(
  examples: readonly AllClearExample[],
  lists: ReadonlyArray<readonly string[]>,
  readings: ReadonlyArray<ReadonlyArray<readonly string[]>>,
  options: AllClearOptions,
): number[] {
  const sources = [...new Set(examples.map((e) => e.source))].sort();
  const foldOf =
    sources.length > 1
      ? examples.map((e) => sources.indexOf(e.source))
      : examples.map((_, i) => i % options.folds);
  const folds = sources.length > 1 ? sources.length : options.folds;
  const out = new Array<number>(examples.length).fill(0);
  for (let fold = 0; fold < folds; fold++) {
    const train = examples.map((_, i) => i).filter((i) => foldOf[i] !== fold);
    const model = fitBinary(
      train.map((i) => examples[i] as AllClearExample),
      train.map((i) => lists[i] ?? []),
      options,
    );
    examples.forEach((_, i) => {
      if (foldOf[i] === fold) {
        out[i] = lineProbability(model, readings[i] ?? []);
      }
    });
  }
  return out;
}

/** Precision and recall of `P ≥ threshold`. */
export function precisionRecall(
  probabilities: readonly number[],
  gold: readonly boolean[],
  threshold: number,
): { precision: number; recall: number } {
  let said = 0;
  let right = 0;
  let all = 0;
  probabilities.forEach((p, i) => {
    const g = gold[i] === true;
    all += g ? 1 : 0;
    if (p >= threshold) {
      said++;
      right += g ? 1 : 0;
    }
  });
  return { precision: said === 0 ? 1 : right / said, recall: all === 0 ? 1 : right / all };
}

/** The lowest threshold (from 0.5 in steps of 0.05) whose out-of-fold precision reaches the target, else the fallback. */
export function chooseThreshold(probabilities: readonly number[], gold: readonly boolean[]): number {
  for (let t = 0.5; t <= 0.951; t += 0.05) {
    const rounded = Math.round(t * 100) / 100;
    if (precisionRecall(probabilities, gold, rounded).precision >= TARGET_PRECISION) {
      return rounded;
    }
  }
  return FALLBACK_THRESHOLD;
}

const round = (x: number) => Math.round(x * DECIMALS) / DECIMALS;

/** Trains the all-clear model on labelled thread lines. Deterministic: the same lines give the same file. */
export function trainAllClearModel(
  examples: readonly AllClearExample[],
  options: AllClearOptions = DEFAULT_ALL_CLEAR_OPTIONS,
): AllClearModelFile {
  const readings = examples.map((e) => readingOf(e.text));
  const lists = readings.map((r) => r[0] ?? []);
  const gold = examples.map((e) => e.allClear);
  const probabilities = outOfFold(examples, lists, readings, options);
  // the threshold is set, and measured, on the lines the bot acts on: a neighbour's 「谢谢韩警官」 calls nothing off
  const acted = examples.map((e, i) => (e.bystander === true ? -1 : i)).filter((i) => i >= 0);
  const on = acted.length > 0 ? acted : examples.map((_, i) => i);
  const actedP = on.map((i) => probabilities[i] ?? 0);
  const actedGold = on.map((i) => gold[i] === true);
  const threshold = chooseThreshold(actedP, actedGold);
  const measured = precisionRecall(actedP, actedGold, threshold);
  const model = fitBinary(examples, lists, options);
  const features = [...model.features.keys()];
  const sha256 = createHash('sha256')
    .update(examples.map((e) => JSON.stringify([e.text, e.allClear])).join('\n'))
    .digest('hex');
  const sources: Record<string, number> = {};
  for (const e of examples) {
    sources[e.source] = (sources[e.source] ?? 0) + 1;
  }
  return {
    format: 'shaozi-all-clear-model',
    version: `ac-${createHash('sha256').update(READING).update(sha256).update(features.join('\n')).digest('hex').slice(0, 12)}`,
    data: { lines: examples.length, sha256, sources },
    options,
    threshold,
    outOfFold: { precision: round(measured.precision), recall: round(measured.recall) },
    bias: round(model.bias),
    features,
    weights: features.map((_, i) => round(model.weights[i] as number)),
  };
}

/** A reader over a model file. */
export function loadAllClearModel(file: AllClearModelFile): AllClearReader {
  const model: Binary = {
    features: new Map(file.features.map((f, i) => [f, i])),
    weights: Float64Array.from(file.weights),
    bias: file.bias,
  };
  const probability = (text: string) => lineProbability(model, readingOf(text));
  return { probability, isAllClear: (text) => probability(text) >= file.threshold };
}

export const ALL_CLEAR_MODEL_FILE = fileURLToPath(
  new URL('../../../models/all-clear-model.json', import.meta.url),
);

let shipped: AllClearReader | undefined;

/** The shipped model, read once per process from models/all-clear-model.json. */
export function shippedAllClearReader(): AllClearReader {
  if (!shipped) {
    let text: string;
    try {
      text = readFileSync(ALL_CLEAR_MODEL_FILE, 'utf8');
    } catch {
      throw new Error(
        `the all-clear model ${ALL_CLEAR_MODEL_FILE} is missing: run \`npm run train\` to build it`,
      );
    }
    shipped = loadAllClearModel(JSON.parse(text) as AllClearModelFile);
  }
  return shipped;
}

/** Whether a line in an emergency's thread calls it off, by the shipped model. */
export function saysAllClear(text: string): boolean {
  return shippedAllClearReader().isAllClear(text);
}
