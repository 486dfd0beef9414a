import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_FILE } from '../../../../src/classify/local/local-classifier.js';
import {
  DEFAULT_TRAIN_OPTIONS,
  headProbabilities,
  loadModel,
  messageFeatures,
  modelFiles,
  modelRow,
  readModelFiles,
  trainLocalModel,
  versionFor,
} from '../../../../src/classify/local/trained-model.js';
import { readCorpus } from '../../../../src/classify/local/training-data.js';
import { fitTemperature } from '../../../../src/classify/model/calibration.js';
import { fitSoftmax, logitsOf, type SparseRow } from '../../../../src/classify/model/logreg.js';
import { loadDirectory } from '../../../../src/directory/load-directory.js';

const row = (features: number[], label: number): SparseRow => ({
  features: Int32Array.from(features),
  label,
});

describe('softmax regression', () => {
  const rows = [
    row([0, 3], 0),
    row([0, 4], 0),
    row([1, 3], 1),
    row([1, 4], 1),
    row([2, 3], 2),
    row([2, 4], 2),
  ];

  it('learns which feature marks which class', () => {
    const model = fitSoftmax(rows, 3, 5, { l2: 1e-4 });
    for (const r of rows) {
      const z = logitsOf(model, r.features);
      expect(z.indexOf(Math.max(...z))).toBe(r.label);
    }
  });

  it('gives the same weights bit for bit on the same data', () => {
    const a = fitSoftmax(rows, 3, 5, { l2: 1e-4 });
    const b = fitSoftmax(rows, 3, 5, { l2: 1e-4 });
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
  });

  it('calibrates over-confident logits with a temperature above 1', () => {
    // logits that say 99 % but are right only 3 times in 4
    const logits = Array.from({ length: 40 }, () => Float64Array.from([5, 0]));
    const labels = logits.map((_, i) => (i % 4 === 0 ? 1 : 0));
    const t = fitTemperature(logits, labels);
    expect(t).toBeGreaterThan(2);
    expect(1 / (1 + Math.exp(-5 / t))).toBeCloseTo(0.75, 1);
  });
});

describe('the shipped model', () => {
  // the full reproduction (`npm run train -- --check`, a training on every message) is a step of .ci/run
  it("is the training of today's datasets/ with today's features", () => {
    const committed = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as { version: string };
    expect(versionFor(readCorpus())).toBe(committed.version);
    // the features of every message: tens of seconds beside the suite's heavy files
  }, 60_000);

  it('comes out byte for byte the same from the same data, and another from other data', () => {
    const sample = readCorpus().filter((_, i) => i % 16 === 0);
    const directory = loadDirectory();
    const options = { ...DEFAULT_TRAIN_OPTIONS, epochs: 5 };
    const features = sample.map((m) => messageFeatures(m.text));
    const train = (messages: typeof sample, cache: string[][]) =>
      modelFiles(trainLocalModel(messages, directory, options, cache));
    const first = train(sample, features);
    const again = train(sample, features);
    expect(again.json).toBe(first.json);
    expect(again.weights.equals(first.weights)).toBe(true);
    const other = train(sample.slice(1), features.slice(1));
    expect(other.json).not.toBe(first.json);
    expect(JSON.parse(other.json).version).not.toBe(JSON.parse(first.json).version);
  }, 60_000);

  it('reads back from its two files the very model it was, and refuses a weights file cut short', () => {
    const sample = readCorpus().filter((_, i) => i % 64 === 0);
    const model = trainLocalModel(sample, loadDirectory(), { ...DEFAULT_TRAIN_OPTIONS, epochs: 2 });
    const files = modelFiles(model);
    const fromMemory = loadModel(model);
    const fromFiles = loadModel(readModelFiles(files.json, files.weights));

    expect(files.json).not.toContain(
      typeof model.heads.intent.weights === 'string' ? model.heads.intent.weights.slice(0, 40) : '?',
    );
    for (const text of ['5号楼有人煤气中毒了快来人', '3号楼电梯坏了', '今天天气不错']) {
      const row = modelRow(fromFiles, messageFeatures(text));
      for (const head of ['intent', 'category', 'urgency', 'body'] as const) {
        expect([...headProbabilities(fromFiles, head, row)]).toEqual([
          ...headProbabilities(fromMemory, head, modelRow(fromMemory, messageFeatures(text))),
        ]);
      }
    }
    expect(() => readModelFiles(files.json, files.weights.subarray(0, files.weights.length - 2))).toThrow(
      /weights file is shorter/,
    );
  }, 60_000);
});
