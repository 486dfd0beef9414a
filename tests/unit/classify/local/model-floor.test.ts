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

// measured 2026-12-08 on each sixth of the data of lr-151de26f9183 (with corpus-26 and -27, the quiet emergencies;
// `npx tsx`-run of this test's training for each `i % 6 === part`): intent 0.865 / 0.881 / 0.877 / 0.869 / 0.882 /
// 0.878, category 0.843 / 0.840 / 0.828 / 0.841 / 0.859 / 0.848, body 0.824 / 0.814 / 0.815 / 0.828 / 0.844 / 0.827,
// emergency+checks 0.864 / 0.938 / 0.910 / 0.910 / 0.904 / 0.910, checks 5.8 / 8.2 / 6.6 / 8.1 / 6.0 / 6.6 %, location
// 0.998: the first sixth, which this test trains on, fell from 0.893 to 0.864 in emergencies with checks while the
// others moved either way, and the full model held out from corpus-2 is about even (docs/classifier.md); the floor
// sits under the lowest sixth again.
// Before, measured 2026-12-08 on each sixth of the data of lr-bc7075e6b40e (with corpus-23 to -25 and the pinyin features;
// this test trains on the first; `i % 6 === part`, 35–40 s each): intent 0.858 / 0.856 / 0.864 / 0.869 / 0.891 /
// 0.874, category 0.850 / 0.831 / 0.832 / 0.836 / 0.842 / 0.857, body 0.825 / 0.803 / 0.810 / 0.827 / 0.830 / 0.834,
// emergency+checks 0.893 / 0.915 / 0.887 / 0.910 / 0.927 / 0.887 (of corpus-2's), checks 8.6 / 8.8 / 7.0 / 8.1 / 5.8 /
// 7.3 %, location 0.998: the floor sits under the lowest sixth. (On 2026-12-07, on the data of lr-eed9a745d913, the
// sixths gave intent 0.874–0.893 and emergency+checks 0.904–0.932: the new data and features cost corpus-2 a point
// or two here, and half a point trained on everything: docs/classifier.md.)
const FLOOR = { intent: 0.85, category: 0.8, body: 0.79, emergencyWithChecks: 0.85, checkShare: 0.09 };
