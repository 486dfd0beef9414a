import { describe, expect, it } from 'vitest';
import { classify } from './helpers.js';

describe('local classifier: place-aware bodies', () => {
  it('sends a building repair in 幸福里二区 (no property company) to housing', () => {
    const result = classify('15号楼的楼顶又漏雨了 天花板都霉了');

    expect(result).toMatchObject({ category: 'building_repair', body: 'housing', tiao_kuai: 'section' });
    expect(result.compound).toBe('幸福里二区');
    expect(result.location.building).toBe(15);
  });

  it('sends the same repair in 幸福里一区 to its property company', () => {
    const result = classify('3号楼的楼顶又漏雨了 天花板都霉了');

    expect(result).toMatchObject({ category: 'building_repair', body: 'property', tiao_kuai: 'block' });
    expect(result.compound).toBe('幸福里一区');
  });

  it('sends a street lamp on 明德路 to municipal facilities', () => {
    expect(classify('明德路的路灯坏了好几天了 晚上黑乎乎的')).toMatchObject({
      category: 'road_facility',
      body: 'municipal',
    });
  });

  it.each([
    ['明德路边上停满了车 人行道都占了', 'parking', 'traffic_police'],
    ['锦苑25号楼下天天有外来车乱停 车位都被占了', 'parking', 'property'],
    ['明德路公交站旁边的垃圾堆成山了', 'sanitation', 'urban_mgmt'],
    ['幸福里一区7号楼前的垃圾桶两天没人倒', 'sanitation', 'property'],
    ['明德路上行道树的大树枝断了挂在那', 'greenery', 'landscaping'],
    ['锦苑26栋门前的灌木好久没修剪了', 'greenery', 'property'],
  ])('routes %s by place', (text, category, body) => {
    expect(classify(text)).toMatchObject({ category, body });
  });

  it('uses the group as a weak place cue when the text names none', () => {
    expect(classify('楼道灯坏了好几天了', '幸福里二区居民群')).toMatchObject({
      body: 'housing',
      compound: '幸福里二区',
    });
    expect(classify('楼道灯坏了好几天了', '锦苑邻里群')).toMatchObject({
      body: 'property',
      compound: '锦苑',
    });
  });

  it('gives feedback and chatter no category, body or urgency', () => {
    for (const text of ['谢谢物业师傅 电梯修好了', '还没人来啊 等了三天了', '早上好 新的一天开开心心']) {
      expect(classify(text)).toMatchObject({
        category: 'none',
        body: 'none',
        tiao_kuai: 'none',
        urgency: 'none',
      });
    }
  });
});
