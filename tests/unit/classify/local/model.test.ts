import { describe, expect, it } from 'vitest';
import { fitTemperature } from '../../../../src/classify/model/calibration.js';
import { fitSoftmax, logitsOf, type SparseRow } from '../../../../src/classify/model/logreg.js';
import { runTrainCommand } from '../../../../src/cli/train-command.js';

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
  it('is reproduced byte for byte by `npm run train` from datasets/', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runTrainCommand(['--check'], {
      stdout: (l) => out.push(l),
      stderr: (l) => err.push(l),
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
  }, 180_000);
});
