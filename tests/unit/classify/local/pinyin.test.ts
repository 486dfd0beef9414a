import { describe, expect, it } from 'vitest';
import { addTypedPinyin, splitPinyin } from '../../../../src/classify/local/pinyin.js';
import { featuresOf } from '../../../../src/classify/local/segmenter.js';

const pinyinOf = (text: string) => featuresOf(text).filter((f) => f.startsWith('p:'));

describe('pinyin features', () => {
  it('give a homophone typo the syllable pairs of the word meant', () => {
    const meant = pinyinOf('着火了');
    const typed = pinyinOf('着伙了');
    expect(meant).toContain('p:zhao_huo');
    expect(typed).toContain('p:zhao_huo');
    expect(pinyinOf('救名啊')).toContain('p:jiu_ming');
    expect(pinyinOf('救命啊')).toContain('p:jiu_ming');
  });

  it('give pinyin typed in letters the same pairs as its characters, within and across words', () => {
    expect(pinyinOf('zhaohuole 9dong')).toEqual(expect.arrayContaining(['p:zhao_huo', 'p:huo_le']));
    const typed = pinyinOf('dianti guanren le');
    for (const pair of ['p:dian_ti', 'p:ti_guan', 'p:guan_ren', 'p:ren_le']) {
      expect(typed).toContain(pair);
      expect(pinyinOf('电梯关人了')).toContain(pair);
    }
  });

  it('are not made of English words that are no pinyin, which also break a row of pinyin', () => {
    const typed = (words: string[]) => {
      const features = new Set<string>();
      addTypedPinyin(features, words);
      return [...features];
    };
    expect(typed(['help', 'fire'])).toEqual([]);
    expect(typed(['jiuming', 'help', 'dian', 'ti'])).toEqual(['p:jiu_ming', 'p:dian_ti']);
  });
});

describe('splitPinyin', () => {
  it('splits a word into as few syllables as spell it, or nothing when it is not pinyin', () => {
    expect(splitPinyin('zhaohuole')).toEqual(['zhao', 'huo', 'le']);
    expect(splitPinyin('lvse')).toEqual(['lv', 'se']);
    expect(splitPinyin('dong')).toEqual(['dong']);
    expect(splitPinyin('fire')).toBeUndefined();
    expect(splitPinyin('')).toBeUndefined();
    expect(splitPinyin('a'.repeat(31))).toBeUndefined();
  });
});
