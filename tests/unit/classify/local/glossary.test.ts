import { describe, expect, it } from 'vitest';
import { glossOf } from '../../../../src/classify/local/glossary.js';
import { featuresOf } from '../../../../src/classify/local/segmenter.js';

describe('the English glossary', () => {
  it('gives the Chinese of domain words, with common endings taken off, and nothing for other words', () => {
    expect(glossOf(['the', 'lift', 'is', 'leaking'])).toBe('电梯 漏水');
    expect(glossOf(['pipes', 'burst', 'flooded'])).toBe('水管 爆裂 淹了');
    expect(glossOf(['yesterday', 'lol', 'xyz'])).toBe('');
  });

  it('lends an English message the features of the Chinese report it means', () => {
    const english = featuresOf('the lift in building 3 is broken again');
    const chinese = featuresOf('3号楼电梯又坏了');
    for (const shared of ['w:电梯', 'b:电梯', 'u:坏']) {
      expect(english).toContain(shared);
      expect(chinese).toContain(shared);
    }
    // the English words stay features of their own
    expect(english).toContain('e:lift');
    // a Chinese message gains nothing from the glossary
    expect(featuresOf('今天天气不错').some((f) => f.startsWith('e:'))).toBe(false);
  });

  it('lets danger told in English words the concept lists lack reach the danger concepts', () => {
    // 「flames」 is no English word of the fire concept: its Chinese (火苗) is
    expect(featuresOf('there are flames coming out of the window on the 5th floor')).toEqual(
      expect.arrayContaining(['c:fire', 'x:danger×1']),
    );
  });
});
