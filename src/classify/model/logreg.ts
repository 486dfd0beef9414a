/** One example as the model sees it: indices of the features present (each counts once), and its class. */
export type SparseRow = { features: Int32Array; label: number };

/**
 * A multinomial logistic regression head: weights laid out feature-major (`w[f * K + k]`), each times
 * `weightScale` (a loaded model keeps its 16-bit weights as they are stored, a quarter of the memory).
 */
export type SoftmaxWeights = {
  classes: number;
  features: number;
  weights: Float64Array | Int16Array;
  weightScale?: number;
  bias: Float64Array;
};

/** The value each present feature takes: 1/√n, so long rambling messages do not shout. */
export const rowScale = (row: Int32Array): number => (row.length === 0 ? 0 : 1 / Math.sqrt(row.length));

/** Logits of one row. */
export function logitsOf(
  model: SoftmaxWeights,
  row: Int32Array,
  out = new Float64Array(model.classes),
): Float64Array {
  const K = model.classes;
  out.set(model.bias);
  const scale = rowScale(row) * (model.weightScale ?? 1);
  for (let i = 0; i < row.length; i++) {
    const base = (row[i] as number) * K;
    for (let k = 0; k < K; k++) {
      out[k] = (out[k] as number) + scale * (model.weights[base + k] as number);
    }
  }
  return out;
}

/** Softmax of logits divided by a temperature, in place. */
export function softmaxInPlace(logits: Float64Array, temperature = 1): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < logits.length; k++) {
    const v = (logits[k] as number) / temperature;
    logits[k] = v;
    if (v > max) {
      max = v;
    }
  }
  let sum = 0;
  for (let k = 0; k < logits.length; k++) {
    const e = Math.exp((logits[k] as number) - max);
    logits[k] = e;
    sum += e;
  }
  for (let k = 0; k < logits.length; k++) {
    logits[k] = (logits[k] as number) / sum;
  }
  return logits;
}

export type SgdOptions = { l2: number; epochs?: number; learningRate?: number; seed?: number };

/**
 * Fits softmax regression by stochastic gradient descent with AdaGrad step sizes, in a seeded order:
 * cost grows with the features present, not with the vocabulary, so a fit takes a fraction of a second.
 * The L2 penalty is applied to the weights a row touches (the usual sparse approximation).
 */
export function fitSoftmax(
  rows: readonly SparseRow[],
  classes: number,
  features: number,
  options: SgdOptions,
): SoftmaxWeights {
  const K = classes;
  const weights = new Float64Array(features * K);
  const bias = new Float64Array(K);
  const squares = new Float64Array(features * K);
  const biasSquares = new Float64Array(K);
  const epochs = options.epochs ?? 25;
  const rate = options.learningRate ?? 0.5;
  const order = Array.from({ length: rows.length }, (_, i) => i);
  let state = (options.seed ?? 20261205) >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const model: SoftmaxWeights = { classes: K, features, weights, bias };
  const p = new Float64Array(K);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const at of order) {
      const row = rows[at] as SparseRow;
      softmaxInPlace(logitsOf(model, row.features, p));
      const scale = rowScale(row.features);
      for (let k = 0; k < K; k++) {
        const g = (p[k] as number) - (k === row.label ? 1 : 0);
        biasSquares[k] = (biasSquares[k] as number) + g * g;
        bias[k] = (bias[k] as number) - (rate * g) / Math.sqrt((biasSquares[k] as number) + 1e-8);
        p[k] = g * scale;
      }
      for (let f = 0; f < row.features.length; f++) {
        const base = (row.features[f] as number) * K;
        for (let k = 0; k < K; k++) {
          const at2 = base + k;
          const w = weights[at2] as number;
          const g = (p[k] as number) + options.l2 * w;
          const s = (squares[at2] as number) + g * g;
          squares[at2] = s;
          weights[at2] = w - (rate * g) / Math.sqrt(s + 1e-8);
        }
      }
    }
  }
  return model;
}
