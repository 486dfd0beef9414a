import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../../src/directory/load-directory.js';
import { roleText, speakersOf } from '../../../../src/web/sandbox/sandbox-people.js';

const directory = loadDirectory();

describe('roleText', () => {
  it.each([
    ['李明', '第一网格网格员'],
    ['赵红梅', '第一网格党支部书记'],
    ['刘桂兰', '社区党委书记'],
    ['魏经理', '安居物业联络人'],
    ['陶经理', '锦程物业联络人'],
    ['韩警官', '明德派出所联络人'],
    ['杨帆', '党员（第一网格党支部）'],
    ['何秀英', '志愿者（第二网格）'],
    ['王阿姨', '居民'],
    ['随便谁', '居民'],
  ])('%s is %s', (name, role) => {
    expect(roleText(directory, name)).toBe(role);
  });

  it('names every role of a person with several', () => {
    expect(roleText(directory, '吴晓东')).toBe('居委会主任、幸福里社区居委会联络人');
  });
});

describe('speakersOf', () => {
  it('lists residents first, then the staff by role, and adds the volunteers not yet in the sandbox', () => {
    const speakers = speakersOf(directory, ['李明', '王阿姨', '刘桂兰', '陈大爷']);

    expect(speakers.map((s) => [s.name, s.group])).toEqual([
      ['王阿姨', '居民'],
      ['陈大爷', '居民'],
      ['李明', '网格员'],
      ['刘桂兰', '社区领导'],
      ['何秀英', '党员和志愿者'],
      ['唐晓宇', '党员和志愿者'],
    ]);
  });
});
