import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../../src/classify/local/normalize.js';
import { classify } from './helpers.js';

describe('local classifier: emergency cue families', () => {
  it.each([
    // gas: smell words with 儿, a broken hose hissing, a leak at the stove
    ['家里一股子煤气味儿 特别冲', 'gas', 'gas_co'],
    ['灶后面的软管裂了 呲呲地往外喷气', 'gas', 'gas_co'],
    ['厨房灶台那漏气了 我已经跑到楼下了', 'gas', 'gas_co'],
    // fire: 冒+烟, flames out of a window, a battery exploding, 着了/火光
    ['地下室往外冒白烟 越来越浓', 'fire_safety', 'fire'],
    ['对面楼的火苗子从窗户里往外蹿', 'fire_safety', 'fire'],
    ['车棚里一辆电瓶车爆炸了', 'fire_safety', 'fire'],
    ['仓库着了 火光一片', 'fire_safety', 'fire'],
    // collapse, breathing, stroke, choking, drowning, electric shock
    ['我妈在厨房摔倒了 一动不动 叫也不应', 'health', 'health'],
    ['老头子喘不上气 嘴唇发紫', 'health', 'health'],
    ['爷爷突然嘴歪了 说话含糊不清', 'health', 'health'],
    ['孩子被果冻噎住了', 'health', 'health'],
    ['有个小孩掉进河里了', 'health', 'health'],
    ['装修师傅触电了 倒在地上', 'health', 'health'],
    // lift: stuck half-way, a voice run-on with the people far from the word 电梯
    ['电梯停在半截不动了 我在里面', 'elevator', 'property'],
    ['电梯刚才猛地一顿然后灯也灭了按钮也不亮门也打不开我们三个人都在里面', 'elevator', 'property'],
    // weapons and fights, threats to jump, missing child, a person alone not answering
    ['烧烤摊那边几个人抄家伙了 有人拎着钢管', 'public_security', 'police'],
    ['两个人打起来了 一个头都破了', 'public_security', 'police'],
    ['有个女的站在天台边上 说不想活了', 'public_security', 'police'],
    ['我儿子找不着了 六岁 穿蓝衣服', 'public_security', 'police'],
    ['楼下独居的老太太好几天没见着了 敲门也没人答应', 'elderly_care', 'police'],
    ['配电箱的电线在冒火星 噼啪响', 'power', 'power_co'],
  ])('treats %s as an emergency', (text, category, body) => {
    expect(classify(text)).toMatchObject({ intent: 'emergency', urgency: 'emergency', category, body });
  });

  it.each([
    // hyperbole and slang
    '吓死宝宝了 刚才一声雷',
    '馋死我了 楼下烤串好香',
    '这个视频炸了 点赞十万',
    '今天店里爆单了',
    '楼下新开的炸鸡店挺好吃',
    '咱们小区火了火了 上电视了',
    '房价又跌了 我要跳楼了',
    // own false alarm, past and hypothetical events
    '刚才冒烟是我炒辣椒呛的 大家别慌',
    '燃气报警器响了 原来是我喷了发胶',
    '昨天那家着火已经灭了',
    '万一电梯困人了该打哪个电话',
    '小心触电 雨天别碰电线杆',
    // things that only sound like danger
    '手机掉河里了 心疼',
    '我被作业困住了 出不来了',
  ])('does not raise an emergency for %s', (text) => {
    expect(classify(text).intent).not.toBe('emergency');
  });
});

describe('local classifier: intent cue families', () => {
  it.each([
    ['急死我了 抢的票到现在还没出结果', 'chatter'],
    ['心态崩了 今天又加班', 'chatter'],
    ['低保咋申请 要啥材料', 'inquiry'],
    ['物业的电话是多少', 'inquiry'],
    ['电费怎么查', 'inquiry'],
    ['水龙头出来的水发黄 有股铁锈味', 'grievance'],
    ['残疾证交上去半年了还没下来', 'grievance'],
    ['楼顶又加了一层 这不是违建吗', 'grievance'],
    ['修了跟没修一样 又漏了', 'feedback'],
    ['说了两个礼拜了 路灯还是不亮', 'feedback'],
    ['Thanks for fixing the heating!', 'feedback'],
  ])('reads %s as %s', (text, intent) => {
    expect(classify(text).intent).toBe(intent);
  });
});

describe('local classifier: category vocabulary and places', () => {
  it.each([
    ['楼道感应灯坏了 晚上黑乎乎的 3号楼', 'building_repair', 'property'],
    ['家里一用电磁炉就跳闸 电闸都推不上去', 'power', 'power_co'],
    ['明德路上摆摊的把人行道都占了', 'illegal_construction', 'urban_mgmt'],
    ['鞋柜和纸箱堵着楼道 过都过不去 锦苑25栋', 'fire_safety', 'property'],
    ['遛狗不牵绳 还冲着孩子叫', 'pets', 'police'],
    ['公司给我社保断缴了三个月', 'labor_social_security', 'hrss'],
    ['超市卖过期牛奶 日期都改过', 'market_food', 'market'],
    ['小区那辆报废的面包车扔了一年了 一区的', 'parking', 'property'],
    ['厕所往上返污水 21号楼', 'building_repair', 'housing'],
    ['二区院子里垃圾没人收', 'sanitation', 'committee'],
    ['有人把插线板从窗户拉下来给电动车充电 8号楼', 'fire_safety', 'property'],
    ['水果店的秤有猫腻 少了半斤', 'market_food', 'market'],
  ])('files %s under %s / %s', (text, category, body) => {
    expect(classify(text)).toMatchObject({ intent: 'grievance', category, body });
  });

  it('normalises dialect and homophone slips', () => {
    expect(normalizeText('俺家楼到灯坏了 咋办 物叶不管 垃极也没人收')).toBe(
      '我家楼道灯坏了 怎么办 物业不管 垃圾也没人收',
    );
    expect(normalizeText('侬晓得伐 啥时候来水')).toBe('你晓得伐 什么时候来水');
  });

  it('keeps a hypothetical out of the urgency', () => {
    expect(classify('18号楼消防通道又被车堵了 真出事消防车进不来').urgency).toBe('normal');
  });
});
