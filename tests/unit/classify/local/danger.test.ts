import { describe, expect, it } from 'vitest';
import { scoreDanger } from '../../../../src/classify/local/danger.js';
import { classify } from './helpers.js';

describe('local classifier: danger concept × immediacy', () => {
  it.each([
    ['大雨灌进一楼屋里了 水都漫过插座了 老人还在里面出不来', 'power', 'power_co'],
    ['有人往楼道里泼汽油 说要烧死那家人 快报警！！', 'public_security', 'police'],
    ['我家老人在卫生间摔了 头上全是血 人有点迷糊', 'health', 'health'],
    ['工地的脚手架塌了 下面压着人 快打120', 'health', 'health'],
  ])('treats %s as an emergency', (text, category, body) => {
    expect(classify(text)).toMatchObject({ intent: 'emergency', urgency: 'emergency', category, body });
  });

  it.each([
    '6号楼楼道里堆满了纸箱和旧家具 着火了都跑不出去',
    '网吧后门一直锁着 里面人挺多的 出事了怎么跑',
    '刚才厨房冒烟是我煎鱼煎糊了 不好意思吓到大家',
    '上次小区着火那个事 听说是电动车引起的 大家都注意点',
    '被困在电梯口了——被邻居家那只柯基萌得挪不动腿🐶😍',
    '电梯里空调坏了 老人进去都喘不上气',
    '有人在空地上烧垃圾 黑烟一股一股的 呛得人直咳嗽',
  ])('does not raise an emergency for %s', (text) => {
    expect(classify(text).intent).not.toBe('emergency');
  });

  it('needs a strong concept and a sign of now, not a weak word alone', () => {
    expect(scoreDanger('楼道里有股烟味 快来看看')).toBeUndefined();
    expect(scoreDanger('浓烟从窗户往外冒 快打119')?.category).toBe('fire_safety');
  });
});

describe('local classifier: requests with no topic word, rule questions, follow-ups', () => {
  it.each([
    ['能不能在小区门口装几张长椅 老人走累了都没地方坐', 'grievance', 'other'],
    ['麻烦管一管 天天这样谁受得了', 'grievance', 'other'],
    ['电费欠了会直接停电吗 多久会停', 'inquiry', 'power'],
    ['开个小饭馆要办什么证', 'inquiry', 'market_food'],
    ['阳台封个窗要不要报批', 'inquiry', 'illegal_construction'],
    ['有人把小区里的几棵树砍了 树能随便砍吗', 'grievance', 'greenery'],
  ])('reads %s as %s/%s', (text, intent, category) => {
    expect(classify(text)).toMatchObject({ intent, category });
  });

  it.each([
    ['修了两天又坏了 跟没修一样', 'feedback'],
    ['城管来过之后那个摊子又摆回来了 白处理了', 'feedback'],
    ['楼上噪音的事社区调解以后好多了 谢谢', 'feedback'],
    ['昨晚小区门口有人打架 警察已经来带走了 现在没事了', 'chatter'],
    ['谁家的小狗走丢了 在3号楼下面转悠 白色的', 'chatter'],
    ['有没有人一起去爬山', 'chatter'],
    ['群主能不能把发广告的踢了', 'chatter'],
  ])('reads %s as %s', (text, intent) => {
    expect(classify(text).intent).toBe(intent);
  });

  it('keeps a no-topic request low in confidence so the cascade asks the LLM', () => {
    expect(classify('麻烦管一管 天天这样谁受得了').confidence).toBeLessThan(0.75);
  });
});
