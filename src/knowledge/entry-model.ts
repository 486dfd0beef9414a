import { createHash } from 'node:crypto';
import { messageFeatures } from '../classify/local/trained-model.js';
import { fitSoftmax, softmaxInPlace } from '../classify/model/logreg.js';

/** The phrasings that teach the model one entry: its title, its asks and the sentences of its answer. */
export type EntryExamples = { id: string; texts: readonly string[] };

export type EntryModel = {
  /** Each entry's probability for a question, most likely first. */
  rank(text: string): Array<{ id: string; p: number }>;
};

/** Fitted on a few hundred phrasings, the penalty that held best on the labelled question sets. */
const L2 = 1e-4;
const EPOCHS = 30;
/** Bumped when the stored form or the fit changes, so an old stored model is never read as a new one. */
const FORMAT = 'entry-model-v2';

/** Where a fitted model is kept between processes (one blob per key); it may forget anything at any time. */
export type EntryModelCache = {
  read(key: string): Uint8Array | undefined;
  write(key: string, bytes: Uint8Array): void;
};

/** A fitted model as it is used and kept: the feature names, and weights feature-major (`w[f * K + k]`). */
type StoredModel = { vocab: string[]; bias: Float32Array; weights: Float32Array };

/**
 * A multinomial logistic regression over the entries, on the same features as the message classifier
 * (character n-grams, jieba words, concept cues), trained when the knowledge base is loaded: a deployment
 * edits the file and the model follows. Deterministic (seeded order). A fit takes seconds for a few hundred
 * entries, so the fitted model is kept in `cache` under a key of everything that shapes it and read back by
 * the next process; weights are single precision whether fitted or read, so both answer alike.
 */
export function trainEntryModel(examples: readonly EntryExamples[], cache?: EntryModelCache): EntryModel {
  if (examples.length === 0) {
    return { rank: () => [] };
  }
  const key = createHash('sha256')
    .update(JSON.stringify([FORMAT, L2, EPOCHS, messageFeatures(FINGERPRINT_TEXT), examples]))
    .digest('hex')
    .slice(0, 40);
  const known = trained.get(key);
  if (known) {
    return known;
  }
  const stored = cache?.read(key);
  let fitted = stored === undefined ? undefined : decodeModel(stored, examples.length);
  if (!fitted) {
    fitted = fitModel(examples);
    cache?.write(key, encodeModel(fitted));
  }
  const model = rankerOf(fitted, examples);
  trained.set(key, model);
  return model;
}

/** A text whose features change when the feature code changes: part of the key of a stored model. */
const FINGERPRINT_TEXT = '幸福里3号楼电梯又坏了 lift broken 咋办？';

const trained = new Map<string, EntryModel>();

function fitModel(examples: readonly EntryExamples[]): StoredModel {
  const vocab = new Map<string, number>();
  const rows = examples.flatMap((e, label) =>
    e.texts.map((text) => {
      const indices: number[] = [];
      for (const feature of new Set(messageFeatures(text))) {
        let i = vocab.get(feature);
        if (i === undefined) {
          i = vocab.size;
          vocab.set(feature, i);
        }
        indices.push(i);
      }
      return { features: Int32Array.from(indices.sort((a, b) => a - b)), label };
    }),
  );
  const fitted = fitSoftmax(rows, examples.length, vocab.size, { l2: L2, epochs: EPOCHS });
  return {
    vocab: [...vocab.keys()],
    bias: Float32Array.from(fitted.bias),
    weights: Float32Array.from(fitted.weights),
  };
}

function rankerOf(model: StoredModel, examples: readonly EntryExamples[]): EntryModel {
  const index = new Map(model.vocab.map((f, i) => [f, i]));
  const K = examples.length;
  return {
    rank(text) {
      const present: number[] = [];
      for (const feature of new Set(messageFeatures(text))) {
        const i = index.get(feature);
        if (i !== undefined) {
          present.push(i);
        }
      }
      const logits = Float64Array.from(model.bias);
      const scale = present.length === 0 ? 0 : 1 / Math.sqrt(present.length);
      for (const f of present.sort((a, b) => a - b)) {
        for (let k = 0; k < K; k++) {
          logits[k] = (logits[k] as number) + scale * (model.weights[f * K + k] as number);
        }
      }
      const p = softmaxInPlace(logits);
      return examples
        .map((e, k) => ({ id: e.id, p: p[k] ?? 0 }))
        .sort((a, b) => b.p - a.p || a.id.localeCompare(b.id));
    },
  };
}

/** [header length, 4 bytes LE][header JSON][bias f32 × K][weights f32 × F·K]. */
function encodeModel(m: StoredModel): Uint8Array {
  const header = Buffer.from(JSON.stringify({ format: FORMAT, vocab: m.vocab, classes: m.bias.length }));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const floats = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  return Buffer.concat([length, header, floats(m.bias), floats(m.weights)]);
}

/** A stored model, or undefined when it is not one of this format and shape (then it is fitted again). */
function decodeModel(bytes: Uint8Array, classes: number): StoredModel | undefined {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerEnd = 4 + buffer.readUInt32LE(0);
    const header = JSON.parse(buffer.subarray(4, headerEnd).toString('utf8')) as Record<string, unknown>;
    if (header.format !== FORMAT || header.classes !== classes || !Array.isArray(header.vocab)) {
      return undefined;
    }
    const vocab = header.vocab.map(String);
    if (buffer.length !== headerEnd + 4 * classes * (1 + vocab.length)) {
      return undefined;
    }
    // copied out, so the float views are aligned whatever the header's length
    const floats = (from: number, count: number) =>
      new Float32Array(buffer.buffer.slice(buffer.byteOffset + from, buffer.byteOffset + from + 4 * count));
    return {
      vocab,
      bias: floats(headerEnd, classes),
      weights: floats(headerEnd + 4 * classes, classes * vocab.length),
    };
  } catch {
    return undefined;
  }
}

/** The sentences of an answer, each a phrasing of its topic. */
export function answerSentences(answer: string): string[] {
  return answer
    .split(/[。；！？\n]/)
    .map((s) => s.trim())
    .filter((s) => [...s].length > 4);
}
