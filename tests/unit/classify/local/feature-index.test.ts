import { describe, expect, it } from 'vitest';
import { featureIndexOf } from '../../../../src/classify/local/feature-index.js';

const vocabulary = ['b:电梯', 'c:3号', 'c:号楼', 'w:坏了', 'w:电梯', '电', '梯'].sort();
const asked = [...vocabulary, 'w:没有', '', 'a', '龘', 'c:号'];

describe('the feature columns of a model', () => {
  it('finds every feature of a sorted vocabulary at its column, and none it lacks', () => {
    const index = featureIndexOf(vocabulary);
    for (const [i, f] of vocabulary.entries()) {
      expect(index.get(f)).toBe(i);
    }
    expect(['w:没有', '', 'a', '龘', 'c:号'].map((f) => index.get(f))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('answers the same once it has built its hash map', () => {
    const searched = featureIndexOf(vocabulary, 1_000_000);
    const mapped = featureIndexOf(vocabulary, 3);
    for (let round = 0; round < 3; round++) {
      expect(asked.map((f) => mapped.get(f))).toEqual(asked.map((f) => searched.get(f)));
    }
  });

  it('reads a vocabulary that is not sorted by its own order', () => {
    const unsorted = ['w:电梯', 'c:3号', 'b:电梯'];
    const index = featureIndexOf(unsorted);
    expect(unsorted.map((f) => index.get(f))).toEqual([0, 1, 2]);
    expect(index.get('c:号楼')).toBeUndefined();
  });
});
