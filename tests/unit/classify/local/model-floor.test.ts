import { describe, expect, it } from 'vitest';
import { trainAndScore } from '../../../../src/classify/eval/kfold.js';
import { computeMetrics } from '../../../../src/classify/eval/metrics.js';
import { readCorpus } from '../../../../src/classify/local/training-data.js';
import { loadDirectory } from '../../../../src/directory/load-directory.js';

// its own file, so that it trains side by side with the rest of the suite
describe('the training procedure', () => {
  // the CI floor: writers the model never learned from (all of corpus-2 left out), a few points under the
  // measured figure; trained on every sixth message of the other writers, so that it costs a sixth of a
  // full training however the data grows (the full figures are `npm run eval`'s)
  it('holds its figures on four writers it did not learn from', () => {
    const corpus = readCorpus();
    const held = corpus.filter((m) => m.source.startsWith('corpus-2/'));
    const m = computeMetrics(
      trainAndScore(
        corpus.filter((x) => !x.source.startsWith('corpus-2/')).filter((_, i) => i % 6 === 0),
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

// measured 2026-12-07 on each sixth of the data of lr-eed9a745d913 (this test trains on the first;
// `i % 6 === part`, 17–25 s each): intent 0.879 / 0.893 / 0.880 / 0.874 / 0.876 / 0.878, category 0.848 / 0.825 /
// 0.828 / 0.844 / 0.842 / 0.849, body 0.830 / 0.814 / 0.825 / 0.827 / 0.841 / 0.833, emergency+checks 0.932 / 0.915 /
// 0.904 / 0.904 / 0.904 / 0.910 (of corpus-2's), checks 7.8 / 6.8 / 7.5 / 6.8 / 6.5 / 5.9 %, location 0.996: the
// floor sits under the lowest sixth
const FLOOR = { intent: 0.86, category: 0.8, body: 0.79, emergencyWithChecks: 0.88, checkShare: 0.09 };
