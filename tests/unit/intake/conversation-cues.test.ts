import { describe, expect, it } from 'vitest';
import {
  isFollowUp,
  isQuestionForm,
  isRatingPressure,
  isStillThere,
  isThanks,
} from '../../../src/intake/conversation-cues.js';

describe('isFollowUp', () => {
  it.each([
    '还没人来',
    '上次报的修好了吗',
    '怎么还没修',
    '电梯的事有人管吗',
    '等了三天了还是这样',
    '到底修不修啊',
  ])('reads "%s" as chasing a report', (text) => {
    expect(isFollowUp(text)).toBe(true);
  });

  it.each(['3号楼电梯坏了', '大家早上好', '谢谢，已经修好了', '电梯修好了，谢谢师傅'])(
    'does not read "%s" as a follow-up',
    (text) => {
      expect(isFollowUp(text)).toBe(false);
    },
  );
});

describe('isStillThere', () => {
  it.each([
    '坑到现在还没填，昨天又有人崴脚了',
    '楼道灯换了还是不亮',
    '天花板还在滴水',
    '异味依然很重',
    '都两天了还没来水',
    '到现在也没人回个话',
  ])('reads "%s" as the problem still there', (text) => {
    expect(isStillThere(text)).toBe(true);
  });

  it.each(['楼上安静了', '试了一下 停得挺平 也不响了', '好的 希望能彻底弄好', '是A栋还是B栋', '还是算了吧'])(
    'does not read "%s" so',
    (text) => {
      expect(isStillThere(text)).toBe(false);
    },
  );
});

describe('isQuestionForm', () => {
  it.each(['今晚要是下大雨掉下来咋整', '这灯咋还不亮', '物业电话多少？'])(
    'reads "%s" as a question',
    (text) => {
      expect(isQuestionForm(text)).toBe(true);
    },
  );
});

describe('isThanks', () => {
  it.each([
    '谢谢，已经修好了',
    '辛苦了师傅',
    '终于修好了',
    'Thanks Chen Jing. Scary night.',
    'thank u 陈姐',
    '唔该晒',
  ])('reads "%s" as thanks', (text) => {
    expect(isThanks(text)).toBe(true);
  });

  it('does not read a question whether it is fixed as thanks', () => {
    expect(isThanks('谢谢，请问修好了吗')).toBe(false);
  });

  it('does not read English words that only contain the letters as thanks', () => {
    expect(isThanks('Thanksgiving party at 锦苑 clubhouse')).toBe(false);
    expect(isThanks('the lift in building 5 is broken again')).toBe(false);
  });
});

describe('isRatingPressure', () => {
  it.each([
    '给个满意',
    '麻烦大家给个好评',
    '好评一下哦',
    '打个五星吧',
    '帮忙点满意',
    '评价时选满意',
    '评价的时候请选非常满意',
    '记得回复满意哈',
    '五星好评走一波',
  ])('reads "%s" as pressing for a rating', (text) => {
    expect(isRatingPressure(text)).toBe(true);
  });

  it.each(['电梯修好了，请回复满意或不满意', '明天上午停水检修', '大家满意就好', '对处理结果不满意可以说'])(
    'does not read "%s" as pressure',
    (text) => {
      expect(isRatingPressure(text)).toBe(false);
    },
  );
});
