import { describe, expect, it } from 'vitest';
import { isBlankFrom, normalizeText, originalFrom, wordFrom } from '../../../src/commands/normalize.js';
import { readPrefix } from '../../../src/commands/prefix.js';

describe('normalizeText', () => {
  it('folds full-width forms and odd spaces', () => {
    expect(normalizeText('＃进度　１２\u2005').text).toBe('#进度 12 ');
  });

  it('maps every normalized position back to the original', () => {
    const input = normalizeText('＃１２，已更换');

    expect(input.text).toBe('#12,已更换');
    expect(originalFrom(input, 4)).toBe('已更换');
    expect(originalFrom(input, 3)).toBe('，已更换');
  });

  it('turns zero-width spaces into spaces', () => {
    expect(normalizeText('进度\u200b12').text).toBe('进度 12');
  });

  it('survives lone surrogates', () => {
    expect(normalizeText('\ud800进度').text).toBe('\ud800进度');
  });
});

describe('isBlankFrom and wordFrom', () => {
  it('treats punctuation and emoji as blank', () => {
    expect(isBlankFrom('进度12？！👍🏻 ', 4)).toBe(true);
    expect(isBlankFrom('进度12 谢谢', 4)).toBe(false);
  });

  it('drops trailing punctuation from a word', () => {
    expect(wordFrom('  本周。', 0)).toBe('本周');
    expect(wordFrom('本周🙏', 0)).toBe('本周');
  });
});

describe('readPrefix', () => {
  it.each([
    ['进度', false, 0],
    ['  进度', false, 2],
    ['#进度', true, 1],
    ['/ 进度', true, 2],
    ['@社区哨子 进度', true, 6],
    ['@社区哨子进度', true, 5],
    ['@社区哨子 #进度', true, 7],
    ['@李明 进度', false, 0],
  ])('reads %j', (text, explicit, end) => {
    expect(readPrefix(text, '社区哨子')).toEqual({ explicit, end });
  });

  it('ignores an empty bot name', () => {
    expect(readPrefix('@进度', '')).toEqual({ explicit: false, end: 0 });
  });
});
