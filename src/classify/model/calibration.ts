import { softmaxInPlace } from './logreg.js';

/** Mean negative log-likelihood of the true classes under logits divided by a temperature. */
export function temperatureLoss(
  logits: readonly Float64Array[],
  labels: readonly number[],
  temperature: number,
): number {
  let loss = 0;
  for (let i = 0; i < logits.length; i++) {
    const p = softmaxInPlace(Float64Array.from(logits[i] as Float64Array), temperature);
    loss -= Math.log(Math.max(p[labels[i] as number] as number, 1e-300));
  }
  return loss / Math.max(1, logits.length);
}

/**
 * Temperature scaling: the one scalar T that makes out-of-fold probabilities honest (minimum NLL),
 * found by golden-section search on log T in [1/20, 20].
 */
export function fitTemperature(logits: readonly Float64Array[], labels: readonly number[]): number {
  if (logits.length === 0) {
    return 1;
  }
  let lo = Math.log(0.05);
  let hi = Math.log(20);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = temperatureLoss(logits, labels, Math.exp(a));
  let fb = temperatureLoss(logits, labels, Math.exp(b));
  for (let i = 0; i < 60; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = temperatureLoss(logits, labels, Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = temperatureLoss(logits, labels, Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}

export type ReliabilityBin = {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
};

/** Reliability table: predictions binned by confidence, with how often each bin was right. */
export function reliabilityTable(
  predictions: ReadonlyArray<{ confidence: number; correct: boolean }>,
  bins = 10,
): { bins: ReliabilityBin[]; expectedCalibrationError: number } {
  const table = Array.from({ length: bins }, (_, i) => ({
    from: i / bins,
    to: (i + 1) / bins,
    count: 0,
    sum: 0,
    right: 0,
  }));
  for (const p of predictions) {
    const bin = table[Math.min(bins - 1, Math.floor(p.confidence * bins))];
    if (bin) {
      bin.count++;
      bin.sum += p.confidence;
      bin.right += p.correct ? 1 : 0;
    }
  }
  let ece = 0;
  const out = table.map((b) => {
    const meanConfidence = b.count ? b.sum / b.count : 0;
    const accuracy = b.count ? b.right / b.count : 0;
    ece += (b.count / Math.max(1, predictions.length)) * Math.abs(meanConfidence - accuracy);
    return { from: b.from, to: b.to, count: b.count, meanConfidence, accuracy };
  });
  return { bins: out, expectedCalibrationError: ece };
}
