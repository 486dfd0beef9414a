import { describe, expect, it } from 'vitest';
import {
  type AllClearExample,
  chooseThreshold,
  loadAllClearModel,
  precisionRecall,
  saysAllClear,
  sentencesOf,
  shippedAllClearReader,
  trainAllClearModel,
} from '../../../../src/classify/local/all-clear.js';

/** A small thread sample in two writers' words: the model learns ends of danger from ongoing talk. */
const SAMPLE: AllClearExample[] = [
  ...[
    '火灭了',
    '人找到了',
    '没事了 大家放心',
    '出来了 人好好的',
    '虚惊一场',
    '原来是演习',
    '安全了 都回家吧',
    '找到了 在他女儿家',
  ].map((text) => ({ text, allClear: true, source: 'a' })),
  ...[
    '火还很大',
    '人还没找到',
    '快打119',
    '消防车到了',
    '出来了吗',
    '还在冒烟',
    '大家别坐电梯',
    '谁有他电话',
  ].map((text) => ({
    text,
    allClear: false,
    source: 'a',
  })),
  ...['灭了灭了', '人平安回来了', '没事了没事了', '救出来了 没受伤', '假警报 散了吧', '演练结束'].map(
    (text) => ({
      text,
      allClear: true,
      source: 'b',
    }),
  ),
  ...['烟越来越大', '还没出来', '救护车在路上', '有人受伤吗', '别慌 先下楼', '门还打不开'].map((text) => ({
    text,
    allClear: false,
    source: 'b',
  })),
];

describe('the all-clear model', () => {
  it('trains to the same file twice, and a change in the data is a new version', () => {
    const first = trainAllClearModel(SAMPLE);
    expect(JSON.stringify(trainAllClearModel(SAMPLE))).toBe(JSON.stringify(first));
    expect(first.version).toMatch(/^ac-[0-9a-f]{12}$/);
    expect(first.data).toMatchObject({ lines: SAMPLE.length, sources: { a: 16, b: 12 } });
    const changed = trainAllClearModel([...SAMPLE, { text: '警报解除', allClear: true, source: 'b' }]);
    expect(changed.version).not.toBe(first.version);
  });

  it('learns its lines: the ends of danger above the threshold, the danger going on below it', () => {
    const reader = loadAllClearModel(trainAllClearModel(SAMPLE));
    const said = SAMPLE.map((e) => reader.isAllClear(e.text));
    expect(said).toEqual(SAMPLE.map((e) => e.allClear));
  });

  it('sets its threshold at the lowest P whose precision reaches 0.9, else at 0.8', () => {
    // ten all-clears from 0.95 down, and false ones at 0.72 and 0.52: at 0.5 precision is 10/12, at 0.55 10/11
    const probabilities = [0.95, 0.93, 0.91, 0.9, 0.88, 0.86, 0.84, 0.82, 0.8, 0.78, 0.72, 0.52];
    const gold = [...Array(10).fill(true), false, false];
    expect(chooseThreshold(probabilities, gold)).toBe(0.55);
    // nothing reaches 0.9 however high the threshold: the fallback
    expect(chooseThreshold([0.99, 0.98], [false, true])).toBe(0.8);
  });

  it('records the out-of-fold precision and recall at its threshold', () => {
    const model = trainAllClearModel(SAMPLE);
    expect(model.threshold === 0.8 || model.outOfFold.precision >= 0.9).toBe(true);
    expect(model.outOfFold.recall).toBeGreaterThan(0);
    expect(model.outOfFold.recall).toBeLessThanOrEqual(1);
  });

  it('counts precision and recall of a threshold', () => {
    expect(precisionRecall([0.9, 0.8, 0.2, 0.6], [true, false, true, true], 0.7)).toEqual({
      precision: 0.5,
      recall: 1 / 3,
    });
    // nothing said is no false alarm; nothing to find is nothing missed
    expect(precisionRecall([0.1], [false], 0.5)).toEqual({ precision: 1, recall: 1 });
  });

  it('sets its threshold on the lines it acts on, not on neighbours echoing the end of danger', () => {
    // a neighbour's echo of an all-clear (labelled no all-clear: it is not theirs to call) looks like one
    const echoes = ['火灭了 太好了', '人找到了就好', '没事了就好', '出来了就好'].map((text) => ({
      text,
      allClear: false,
      source: 'b',
    }));
    const counted = trainAllClearModel([...SAMPLE, ...echoes]);
    const asBystanders = trainAllClearModel([...SAMPLE, ...echoes.map((e) => ({ ...e, bystander: true }))]);
    expect(asBystanders.threshold).toBeLessThan(counted.threshold);
    expect(asBystanders.outOfFold.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('reads a long update by its likeliest sentence, so an all-clear buried among other news still counts', () => {
    const reader = loadAllClearModel(trainAllClearModel(SAMPLE));
    const buried =
      '跟大家说一下今天下午的情况：消防和物业都来过了，楼道的门窗也都打开通风了，二单元的住户暂时先在楼下广场等着。' +
      '火灭了。明天上午物业会把楼道里堆的纸箱和旧家具全部清走，请大家配合，以后电动车一律不许推进楼道充电。';
    expect(reader.probability(buried)).toBeGreaterThanOrEqual(reader.probability('火灭了'));
    expect(reader.isAllClear(buried)).toBe(true);
    // no sentence of it says the danger is over: the sentences add nothing the line did not say
    const going = '消防车到了，正在往楼上铺水带。火还很大，二单元的住户都先下楼，大家别坐电梯。';
    expect(reader.isAllClear(going)).toBe(false);
    expect(sentencesOf('火灭了。人没事！明天再说')).toEqual(['火灭了', '人没事', '明天再说']);
    expect(sentencesOf('火灭了')).toEqual([]);
  });

  it('ships a model that reads plain ends of danger, and not questions, help on the way or danger going on', () => {
    for (const text of [
      '吓死我了，原来是演习',
      '虚惊一场，是邻居烧糊了锅',
      '火已经灭了',
      '已经没事了',
      '出来了 抱着我一直哭',
    ]) {
      expect(saysAllClear(text), text).toBe(true);
    }
    for (const text of [
      '火还没灭',
      '人还没找到吗',
      '消防车到了',
      '出来了吗？',
      '快打119！',
      '3号楼电梯又坏了',
    ]) {
      expect(saysAllClear(text), text).toBe(false);
    }
    expect(shippedAllClearReader().probability('火已经灭了')).toBeGreaterThan(
      shippedAllClearReader().probability('火还没灭'),
    );
  });
});
