import { describe, expect, it } from 'vitest';
import { trainAndScore } from '../../../../src/classify/eval/kfold.js';
import { computeMetrics } from '../../../../src/classify/eval/metrics.js';
import { readCorpus } from '../../../../src/classify/local/training-data.js';
import { loadDirectory } from '../../../../src/directory/load-directory.js';

// its own file, so that it trains side by side with the rest of the suite
describe('the training procedure', () => {
  // the CI floor: writers the model never learned from (all of corpus-2 left out), a few points under the
  // measured figure; trained on every fourth message of the other writers, so that it costs a quarter of a
  // full training (the full figures are `npm run eval`'s)
  it('holds its figures on four writers it did not learn from', () => {
    const corpus = readCorpus();
    const held = corpus.filter((m) => m.source.startsWith('corpus-2/'));
    const m = computeMetrics(
      trainAndScore(
        corpus.filter((x) => !x.source.startsWith('corpus-2/')).filter((_, i) => i % 4 === 0),
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

// measured 2026-12-07 on each quarter of the data of lr-bff66467cf02 (this test trains on the first;
// `i % 4 === part`): intent 0.894 / 0.882 / 0.893 / 0.881, category 0.874 / 0.863 / 0.871 / 0.858, body 0.857 /
// 0.842 / 0.854 / 0.839, emergency+checks 0.932 / 0.932 / 0.904 / 0.910 (of corpus-2's), checks 6.5 / 7.5 / 6.2 /
// 7.0 %, location 0.996: the floor sits under the lowest quarter
const FLOOR = { intent: 0.86, category: 0.84, body: 0.82, emergencyWithChecks: 0.88, checkShare: 0.09 };
