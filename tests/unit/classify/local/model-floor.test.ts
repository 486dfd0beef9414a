import { describe, expect, it } from 'vitest';
import { trainAndScore } from '../../../../src/classify/eval/kfold.js';
import { computeMetrics } from '../../../../src/classify/eval/metrics.js';
import { readCorpus } from '../../../../src/classify/local/training-data.js';
import { loadDirectory } from '../../../../src/directory/load-directory.js';

// its own file, so that it trains side by side with the reproduction check of model.test.ts
describe('the training procedure', () => {
  // the CI floor: writers the model never learned from (all of corpus-2 left out), a few points under the measured figure
  it('holds its figures on four writers it did not learn from', () => {
    const corpus = readCorpus();
    const held = corpus.filter((m) => m.source.startsWith('corpus-2/'));
    const m = computeMetrics(
      trainAndScore(
        corpus.filter((x) => !x.source.startsWith('corpus-2/')),
        held,
        loadDirectory(),
      ),
    );
    expect(held.length).toBeGreaterThan(1200);
    expect(m.intentAccuracy).toBeGreaterThanOrEqual(FLOOR.intent);
    expect(m.categoryAccuracy).toBeGreaterThanOrEqual(FLOOR.category);
    expect(m.bodyAccuracy).toBeGreaterThanOrEqual(FLOOR.body);
    expect(m.emergencyRecallWithChecks).toBeGreaterThanOrEqual(FLOOR.emergencyWithChecks);
    expect(m.checkShare).toBeLessThanOrEqual(FLOOR.checkShare);
    expect(m.locationExact).toBeGreaterThanOrEqual(0.97);
  }, 180_000);
});

// measured 2026-12-05 (model lr-dc976a94f81e data): intent 0.881, category 0.878, body 0.850, emergency+checks 0.955, checks 7.9 %
const FLOOR = { intent: 0.86, category: 0.85, body: 0.82, emergencyWithChecks: 0.93, checkShare: 0.09 };
