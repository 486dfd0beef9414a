import { describe, expect, it } from 'vitest';
import { classify } from './helpers.js';

describe('local classifier: emergencies', () => {
  it.each([
    ['我妈被关电梯里了 电梯一动不动 快来人', 'elevator', 'property'],
    ['楼道里好大的煤气味 谁家漏气了 大家别开灯', 'gas', 'gas_co'],
    ['5号楼有一家窗户往外冒黑烟 快打119', 'fire_safety', 'fire'],
    ['小区门口有个老大爷晕倒了 叫不醒', 'health', 'health'],
    ['楼下有人拿着刀追着砍人 快报警', 'public_security', 'police'],
    ['电线断了掉在地上 还在冒火花', 'power', 'power_co'],
  ])('treats %s as an emergency', (text, category, body) => {
    const result = classify(text);

    expect(result).toMatchObject({ intent: 'emergency', urgency: 'emergency', category, body });
    expect(result.cues.some((c) => c.startsWith('emergency:'))).toBe(true);
  });

  it.each([
    '热死了热死了 出门五分钟人已经熟了🥵',
    '救命啊 这道五年级数学题谁会 孩子问我我也不会😭',
    '笑死我了 这个视频太逗了',
    '急死了 快递三天了还没到',
    '今晚吃火锅去 明德路新开那家',
    '最近上火 嘴上起泡',
    '着火了着火了🔥 我的基金今天终于红了 哈哈哈',
    '锦绣华庭的消防通道上又停满了车 真着火了消防车怎么进',
    '燃气公司的人来过了 已经换好了 能打着火了 谢谢',
    '刚才说的电梯困人 人已经出来了 没事了',
    '家里进小偷了 门锁被撬了 人已经跑了',
  ])('does not raise an emergency for %s', (text) => {
    expect(classify(text).intent).not.toBe('emergency');
  });

  it('keeps an already-freed lift passenger as an urgent grievance', () => {
    const result = classify('刚才在12#电梯里关了二十多分钟 现在总算出来了 物业必须给个说法');

    expect(result).toMatchObject({ intent: 'grievance', category: 'elevator', urgency: 'urgent' });
  });
});
