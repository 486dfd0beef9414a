import { createHash } from 'node:crypto';
import type { Directory } from '../../directory/directory.js';
import { BODIES, type Body, CATEGORIES, type Category, INTENTS, URGENCIES } from '../../labels/labels.js';
import { placeNeutralBody } from '../../routing/body-table.js';
import { fitTemperature } from '../model/calibration.js';
import { assignFolds } from '../model/folds.js';
import {
  fitSoftmax,
  logitsOf,
  type SoftmaxWeights,
  type SparseRow,
  softmaxInPlace,
} from '../model/logreg.js';
import { type FeatureLookup, featureIndexOf } from './feature-index.js';
import { extractLocation } from './location.js';
import { resolvePlace } from './place.js';
import { prepareForModel } from './prepare.js';
import { featuresOf } from './segmenter.js';

export const HEAD_NAMES = ['intent', 'category', 'urgency', 'body'] as const;
export type HeadName = (typeof HEAD_NAMES)[number];

/**
 * A head as stored: weights quantised to 16-bit integers (times `scale`), feature-major; base64 in a model
 * made in memory, raw bytes once read from the weights file beside the model file.
 */
type StoredHead = {
  labels: string[];
  temperature: number;
  scale: number;
  bias: number[];
  weights: string | Uint8Array;
};

/** The model file (`models/local-model.json`), written by `npm run train` and loaded at start-up. */
export type ModelFile = {
  format: 'shaozi-local-model';
  /** The first characters of a hash of the data and the feature vocabulary: changes when either does. */
  version: string;
  data: { messages: number; sha256: string; sources: Record<string, number> };
  options: TrainOptions;
  features: string[];
  heads: Record<HeadName, StoredHead>;
  /** Calibrated P(emergency) above `sure` is an emergency; from `check` up to it, an emergency check. */
  emergency: { sure: number; check: number };
  /** What the out-of-fold predictions of the training data showed (for the docs and the eval). */
  outOfFold: { emergencyRecallAtCheck: number; checkShareOfOthers: number; precisionAtSure: number };
};

export type TrainOptions = {
  l2: number;
  minCount: number;
  folds: number;
  epochs: number;
  learningRate: number;
};
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  l2: 3e-4,
  minCount: 1,
  folds: 5,
  epochs: 15,
  learningRate: 0.2,
};

export type TrainingMessage = {
  text: string;
  intent: string;
  category: string;
  urgency: string;
  body: string;
};

type LoadedHead = { labels: string[]; temperature: number; weights: SoftmaxWeights };

/** A model ready to predict. */
export type LocalModel = {
  version: string;
  featureIndex: FeatureLookup;
  heads: Record<HeadName, LoadedHead>;
  emergency: ModelFile['emergency'];
};

const LABEL_ORDER: Record<HeadName, readonly string[]> = {
  intent: INTENTS,
  category: CATEGORIES.filter((c) => c !== 'none'),
  urgency: URGENCIES.filter((u) => u !== 'none'),
  body: BODIES.filter((b) => b !== 'none'),
};

const isActionable = (m: TrainingMessage) =>
  m.intent === 'grievance' || m.intent === 'emergency' || m.intent === 'inquiry';

/** Which messages and which label each head learns from. */
function headExamples(
  head: HeadName,
  messages: readonly TrainingMessage[],
  directory: Directory,
): Array<[index: number, label: string]> {
  const out: Array<[number, string]> = [];
  messages.forEach((m, i) => {
    if (head === 'intent') {
      out.push([i, m.intent]);
    } else if (isActionable(m)) {
      const label = head === 'body' ? neutralBody(m, directory) : m[head];
      if (label !== 'none') {
        out.push([i, label]);
      }
    }
  });
  return out;
}

/** The body of a labelled request as if its place had a property company (see placeNeutralBody). */
function neutralBody(m: TrainingMessage, directory: Directory): string {
  const text = prepareForModel(m.text);
  const place = resolvePlace(text, extractLocation(text), directory);
  return placeNeutralBody(m.category as Category, m.body as Body, place);
}

/** The features of a raw message, as the model sees them. */
export const messageFeatures = (text: string): string[] => featuresOf(prepareForModel(text));

function rowOf(featureIndex: FeatureLookup, features: readonly string[]): Int32Array {
  const indices: number[] = [];
  for (const f of features) {
    const i = featureIndex.get(f);
    if (i !== undefined) {
      indices.push(i);
    }
  }
  return Int32Array.from(indices.sort((a, b) => a - b));
}

/** The features seen in at least `minCount` messages, sorted: the model's columns. */
function vocabularyOf(featureLists: ReadonlyArray<readonly string[]>, minCount: number): string[] {
  const documentFrequency = new Map<string, number>();
  for (const list of featureLists) {
    for (const f of list) {
      documentFrequency.set(f, (documentFrequency.get(f) ?? 0) + 1);
    }
  }
  return [...documentFrequency]
    .filter(([, n]) => n >= minCount)
    .map(([f]) => f)
    .sort();
}

/** The model's version: the data and what the features are made of (a new extractor on the same data is a new model). */
function versionOf(
  messages: ReadonlyArray<TrainingMessage>,
  vocabulary: readonly string[],
): { version: string; sha256: string } {
  const sha256 = createHash('sha256')
    .update(messages.map((m) => JSON.stringify([m.text, m.intent, m.category, m.urgency, m.body])).join('\n'))
    .digest('hex');
  const version = `lr-${createHash('sha256').update(sha256).update(vocabulary.join('\n')).digest('hex').slice(0, 12)}`;
  return { version, sha256 };
}

/**
 * The version a training on these messages would give, without training: a quick check that a committed
 * model was trained on today's data with today's feature extractor.
 */
export function versionFor(
  messages: ReadonlyArray<TrainingMessage>,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): string {
  return versionOf(
    messages,
    vocabularyOf(
      messages.map((m) => messageFeatures(m.text)),
      options.minCount,
    ),
  ).version;
}

/**
 * Trains the four heads (intent on every message; category, urgency and body on requests), calibrates
 * each by temperature on out-of-fold logits, and sets the two emergency thresholds from the same
 * out-of-fold probabilities. Deterministic: the same messages in the same order give the same file.
 */
export function trainLocalModel(
  messages: ReadonlyArray<TrainingMessage & { source?: string }>,
  directory: Directory,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
  featuresCache?: ReadonlyArray<readonly string[]>,
): ModelFile {
  const featureLists = featuresCache ?? messages.map((m) => messageFeatures(m.text));
  const vocabulary = vocabularyOf(featureLists, options.minCount);
  const featureIndex = new Map(vocabulary.map((f, i) => [f, i]));
  const rows = featureLists.map((list) => rowOf(featureIndex, list));

  const heads = {} as Record<HeadName, StoredHead>;
  let intentOutOfFold: { probabilities: Float64Array[]; labels: number[]; labelNames: string[] } | undefined;
  for (const head of HEAD_NAMES) {
    const examples = headExamples(head, messages, directory);
    const labelNames = LABEL_ORDER[head].filter((l) => examples.some(([, label]) => label === l));
    const labelIndex = new Map(labelNames.map((l, i) => [l, i]));
    const sparse: SparseRow[] = examples.map(([i, label]) => ({
      features: rows[i] as Int32Array,
      label: labelIndex.get(label) as number,
    }));
    const folds = assignFolds(sparse.length, options.folds);
    const outOfFold: Float64Array[] = new Array(sparse.length);
    for (let fold = 0; fold < options.folds; fold++) {
      const fitted = fitSoftmax(
        sparse.filter((_, i) => folds[i] !== fold),
        labelNames.length,
        vocabulary.length,
        options,
      );
      sparse.forEach((row, i) => {
        if (folds[i] === fold) {
          outOfFold[i] = logitsOf(fitted, row.features);
        }
      });
    }
    const labels = sparse.map((r) => r.label);
    const temperature = fitTemperature(outOfFold, labels);
    const final = fitSoftmax(sparse, labelNames.length, vocabulary.length, options);
    heads[head] = store(labelNames, temperature, final);
    if (head === 'intent') {
      intentOutOfFold = {
        probabilities: outOfFold.map((l) => softmaxInPlace(Float64Array.from(l), temperature)),
        labels,
        labelNames,
      };
    }
  }
  const thresholds = emergencyThresholds(intentOutOfFold);
  const sources: Record<string, number> = {};
  for (const m of messages) {
    const source = m.source ?? 'unknown';
    sources[source] = (sources[source] ?? 0) + 1;
  }
  const { version, sha256 } = versionOf(messages, vocabulary);
  return {
    format: 'shaozi-local-model',
    version,
    data: { messages: messages.length, sha256, sources },
    options,
    features: vocabulary,
    heads,
    emergency: thresholds.emergency,
    outOfFold: thresholds.outOfFold,
  };
}

function store(labels: string[], temperature: number, fitted: SoftmaxWeights): StoredHead {
  let max = 0;
  for (const w of fitted.weights) {
    max = Math.max(max, Math.abs(w));
  }
  const scale = max > 0 ? max / 32767 : 1;
  const quantised = new Int16Array(fitted.weights.length);
  fitted.weights.forEach((w, i) => {
    quantised[i] = Math.round(w / scale);
  });
  return {
    labels,
    temperature: round(temperature, 6),
    scale,
    bias: [...fitted.bias].map((b) => round(b, 6)),
    weights: Buffer.from(quantised.buffer).toString('base64'),
  };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/**
 * The sure threshold: the lowest P(emergency) at which out-of-fold predictions are right 95 % of the time.
 * The check threshold: low enough to catch every out-of-fold emergency, with a quarter of margin below the
 * lowest one, unless that would flag more than 6 % of the other messages.
 */
function emergencyThresholds(
  oof: { probabilities: Float64Array[]; labels: number[]; labelNames: string[] } | undefined,
): {
  emergency: ModelFile['emergency'];
  outOfFold: ModelFile['outOfFold'];
} {
  const at = oof?.labelNames.indexOf('emergency') ?? -1;
  if (!oof || at < 0) {
    return {
      emergency: { sure: 0.5, check: 0.2 },
      outOfFold: { emergencyRecallAtCheck: 0, checkShareOfOthers: 0, precisionAtSure: 0 },
    };
  }
  const scored = oof.probabilities.map((p, i) => ({ p: p[at] as number, gold: oof.labels[i] === at }));
  const emergencies = scored.filter((s) => s.gold).map((s) => s.p);
  const others = scored.filter((s) => !s.gold).map((s) => s.p);
  const shareAbove = (t: number) => others.filter((p) => p >= t).length / Math.max(1, others.length);
  const precisionAbove = (t: number) => {
    const flagged = scored.filter((s) => s.p >= t);
    return flagged.length ? flagged.filter((s) => s.gold).length / flagged.length : 1;
  };
  let sure = 0.95;
  for (let t = 0.3; t <= 0.95; t += 0.01) {
    if (precisionAbove(t) >= 0.95) {
      sure = round(t, 2);
      break;
    }
  }
  const lowest = Math.min(...emergencies, sure);
  let check = lowest * 0.75;
  while (shareAbove(check) > 0.06 && check < sure) {
    check = Math.min(sure, check * 1.1 + 1e-4);
  }
  check = round(check, 4);
  return {
    emergency: { sure, check },
    outOfFold: {
      emergencyRecallAtCheck: round(
        emergencies.filter((p) => p >= check).length / Math.max(1, emergencies.length),
        4,
      ),
      checkShareOfOthers: round(shareAbove(check), 4),
      precisionAtSure: round(precisionAbove(sure), 4),
    },
  };
}

/** Turns a model file into a model ready to predict (well under a second for the shipped one). */
export function loadModel(file: ModelFile): LocalModel {
  const featureIndex = featureIndexOf(file.features);
  const heads = {} as Record<HeadName, LoadedHead>;
  for (const name of HEAD_NAMES) {
    const stored = file.heads[name];
    const bytes = typeof stored.weights === 'string' ? Buffer.from(stored.weights, 'base64') : stored.weights;
    // a copy, so that the 16-bit view is aligned whatever the buffer's offset
    const weights = new Int16Array(bytes.byteLength / 2);
    new Uint8Array(weights.buffer).set(bytes);
    heads[name] = {
      labels: stored.labels,
      temperature: stored.temperature,
      weights: {
        classes: stored.labels.length,
        features: file.features.length,
        weights,
        weightScale: stored.scale,
        bias: Float64Array.from(stored.bias),
      },
    };
  }
  return { version: file.version, featureIndex, heads, emergency: file.emergency };
}

/** The row of a message for this model. */
export const modelRow = (model: LocalModel, features: readonly string[]): Int32Array =>
  rowOf(model.featureIndex, features);

/** Calibrated probabilities of one head for a row. */
export function headProbabilities(model: LocalModel, head: HeadName, row: Int32Array): Map<string, number> {
  const h = model.heads[head];
  const p = softmaxInPlace(logitsOf(h.weights, row), h.temperature);
  return new Map(h.labels.map((label, i) => [label, p[i] as number]));
}

/**
 * The model as written to disk: the JSON file with every head's weights replaced by where they lie
 * (`weightsAt`: byte offset and length) in the weights file, which holds the heads' 16-bit weights back to
 * back. Reading 25 MB of bytes is several times faster than decoding them from base64 inside 37 MB of JSON.
 * One stable serialisation, so a retrain on the same data is byte-identical.
 */
export function modelFiles(model: ModelFile): { json: string; weights: Buffer } {
  const parts: Buffer[] = [];
  let offset = 0;
  const heads: Record<string, unknown> = {};
  for (const name of HEAD_NAMES) {
    const { weights, ...head } = model.heads[name];
    const bytes = typeof weights === 'string' ? Buffer.from(weights, 'base64') : Buffer.from(weights);
    heads[name] = { ...head, weightsAt: [offset, bytes.byteLength] };
    parts.push(bytes);
    offset += bytes.byteLength;
  }
  return { json: `${JSON.stringify({ ...model, heads }, null, 1)}\n`, weights: Buffer.concat(parts) };
}

/** The model from its two files (see `modelFiles`). */
export function readModelFiles(json: string, weights: Uint8Array): ModelFile {
  const file = JSON.parse(json) as Omit<ModelFile, 'heads'> & {
    heads: Record<HeadName, Omit<StoredHead, 'weights'> & { weightsAt: [number, number] }>;
  };
  const heads = {} as Record<HeadName, StoredHead>;
  for (const name of HEAD_NAMES) {
    const { weightsAt, ...head } = file.heads[name];
    const [offset, length] = weightsAt;
    if (offset + length > weights.byteLength) {
      throw new Error(`the model's weights file is shorter than the model says (head ${name})`);
    }
    heads[name] = { ...head, weights: weights.subarray(offset, offset + length) };
  }
  return { ...file, heads };
}
