import { describe, expect, it } from 'vitest';
import { trainAndScore } from '../../../../src/classify/eval/kfold.js';
import { computeMetrics } from '../../../../src/classify/eval/metrics.js';
import { readCorpus } from '../../../../src/classify/local/training-data.js';
import { loadDirectory } from '../../../../src/directory/load-directory.js';

// its own file, so that it trains side by side with the rest of the suite
describe('the training procedure', () => {
  // the CI floor: writers the model never learned from (all of corpus-2 left out), a few points under the
  // measured figure; trained on every third message of the other writers, so that it costs a third of a
  // full training (the full figures are `npm run eval`'s)
  it('holds its figures on four writers it did not learn from', () => {
    const corpus = readCorpus();
    const held = corpus.filter((m) => m.source.startsWith('corpus-2/'));
    const m = computeMetrics(
      trainAndScore(
        corpus.filter((x) => !x.source.startsWith('corpus-2/')).filter((_, i) => i % 3 === 0),
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

// measured 2026-12-07 on each third of the data of lr-cefb2b380fed (this test trains on the first): intent
// 0.894 / 0.914 / 0.898, category 0.880 / 0.887 / 0.878, body 0.866 / 0.858 / 0.847, emergency+checks 0.893 /
// 0.949 / 0.938 (of 118), checks 7.3 / 4.9 / 6.3 %, location 0.996: the floor sits under the lowest third
const FLOOR = { intent: 0.87, category: 0.85, body: 0.83, emergencyWithChecks: 0.88, checkShare: 0.09 };
