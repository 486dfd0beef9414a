import type { Category } from '../../labels/labels.js';

/**
 * Danger-concept × immediacy scoring, the second net under the emergency cue families.
 *
 * Each concept is a synonym class a dispatcher would recognise (fire, gas, a weapon, a person down, trapped,
 * in the water, water reaching live electricity, a structure falling on people, someone about to take their
 * life). A strong member is worth 3, a weak one 1 (weak members add up to 2 at most); signs of "right now"
 * (快来, 救命, 还在, 怎么办, !!, 110/119/120) add 1 each up to 2; a person at risk (老人, 孩子, 有人, 里面)
 * adds 1. Four points make an emergency: a strong concept needs one sign of immediacy or a person at risk.
 * Filters (hyperbole, the past, news, hypotheticals) are applied by the caller before and here.
 */
type Concept = { name: string; category: Category; strong: RegExp; weak?: RegExp; unless?: RegExp };

const CONCEPTS: Concept[] = [
  {
    name: 'violence',
    category: 'public_security',
    strong:
      /(?:拿|持|举|抄|拎|握|抡|挥|掏)(?:着|起|出)?.{0,3}(?:刀|棍|砖|斧|锤|钢管|铁棍|铁锹|扳手|酒瓶|枪)|砍人|捅(?:人|了)|杀人|杀了|(?:烧|打|砍|捅)死|泼(?:汽油|硫酸|油)|浇汽油|见血|绑架|掐(?:住|着)?脖子|往死里打/,
    weak: /打起来|打架|动手|威胁|要杀|报复|砸门|踹门|撬门|喊救命|呼救|拉不住/,
  },
  {
    name: 'self-harm',
    category: 'public_security',
    strong: /(?<!我(?:都|真|真的)?(?:要|想))跳楼|跳河|轻生|自杀|不想活|割腕|寻死|喝(?:了)?(?:农药|药)/,
  },
  {
    name: 'electric-water',
    category: 'power',
    strong:
      /(?:水|淹|漫|泡).{0,10}(?:插座|电线|电闸|配电|电箱|电表|电器|漏电)|(?:插座|电线|电闸|配电|电箱).{0,8}(?:泡在水|进水|淹)|漏电/,
  },
  {
    name: 'fire',
    category: 'fire_safety',
    strong:
      /(?<!打|点|打不|点不)着(?:火|了火)|起火|失火|火灾|烧起来|冒(?:黑|白|浓|青)?烟|浓烟|火苗|火光|明火|自燃|爆炸|(?:冒|打|溅)火(?:花|星)/,
    weak: /烟|焦(?:糊)?味|糊味|烧(?!饭|水|菜|烤)|汽油|煤油|噼里啪啦|噼啪/,
    unless:
      /烧(?:垃圾|电线|塑料|秸秆|纸|轮胎|烤|饭|水)|油烟|烧烤|抽烟|吸烟|烟囱|排烟|工厂|厂子|烟头|香烟|烟花|炊烟|烟雾报警器(?:一直)?(?:坏|没电)/,
  },
  {
    name: 'gas',
    category: 'gas',
    strong:
      /(?:燃气|煤气|天然气|液化气)(?:管|管道|罐|瓶|表|阀)?.{0,6}(?:味|漏|泄|冒气|喷|嘶|呲)|(?:漏|泄).{0,4}(?:燃气|煤气|天然气)/,
    weak: /漏气|冒气|臭鸡蛋味|嘶嘶|呲呲|一股(?:怪)?味/,
    unless: /没(?:有)?闻到|化工厂|工厂|报警器.{0,6}(?:坏|误报)/,
  },
  {
    name: 'person-down',
    category: 'health',
    strong:
      /晕倒|昏倒|昏迷|晕过去|昏过去|倒地|倒在(?:地上|地下|路边|门口|楼道)|不省人事|没(?:有)?呼吸|没气了|抽搐|口吐白沫|(?:憋|发)(?:紫|青)|噎住|卡住喉咙|触电|大出血|流了(?:好多|很多|一地|一身)血|血流不止|(?:叫|喊|拍|摇|敲).{0,6}(?:不醒|没(?:有)?反应|不应|不答应)|(?:从|自).{0,8}(?:摔|掉|坠)下来|摔下来.{0,6}(?:不动|起不来|没反应)/,
    weak: /摔倒|摔了|磕破|流血|出血|血|晕|喘不上气|喘不过气|不动了|一动不动|起不来|说不出话/,
  },
  {
    name: 'drowning',
    category: 'health',
    strong:
      /(?:掉|落|摔|滑|跌)(?:进|到|入)?.{0,3}(?:水里|河里|湖里|池里|池塘|井里|水塘|河|湖)|溺水|落水|淹(?:着|死)|在水里(?:扑腾|挣扎)/,
  },
  {
    name: 'structure',
    category: 'health',
    strong:
      /(?:塌|倒)(?:了|下来).{0,10}(?:压着|埋着|砸着|砸到)人?|压着人|埋(?:着|了)人|(?:压|埋)在(?:下面|底下|里面)/,
    weak: /塌|垮/,
  },
  {
    name: 'trapped',
    category: 'public_security',
    strong:
      /被(?:困|关|锁|反锁)(?:在)?|困在|(?:关|锁|卡)在.{0,8}(?:里|里面|里头)|(?:人|孩子|小孩|老人|我妈|我爸|我)(?:还)?(?:在|关在|困在)(?:里面|里头|屋里).{0,10}(?:出不来|打不开|下不来)|逃不出/,
    weak: /出不来|下不来|打不开/,
  },
];

const IMMEDIACY =
  /快(?:来|打|报|叫|救|点|跑|下楼)|救命|赶紧|马上|立刻|现在|正在|还在|怎么办|咋办|[!！]{2,}|110|119|120|报警|来人|刚刚|突然|在里面|出不来/g;

const PERSON_AT_RISK =
  /有人|人在|里面有|老人|孩子|小孩|宝宝|婴儿|女儿|儿子|闺女|我妈|我爸|老太太|老大爷|大爷|大妈|老头|老公|老婆|邻居家|一家人|压着人/;

/** The danger is over, happened elsewhere long ago, or is news: not ours to answer now. */
const NOT_CURRENT =
  /(?:昨天|昨晚|前天|上周|上次|上个月|去年|前几天|那天|当时)(?![^。!！]{0,12}(?:到现在|还在|一直|又))|听说|新闻|网上|视频里|电视上|朋友圈|小说|电影|演练|培训|讲座|科普|萌|😍|😆|😅|开玩笑|逗/;

export type DangerHit = { category: Category; cue: string; score: number };

export function scoreDanger(text: string): DangerHit | undefined {
  if (NOT_CURRENT.test(text)) {
    return undefined;
  }
  let best: { concept: Concept; strength: number; cue: string } | undefined;
  let weakTotal = 0;
  let strongCount = 0;
  for (const concept of CONCEPTS) {
    if (concept.unless?.test(text)) {
      continue;
    }
    const strong = concept.strong.exec(text);
    const weak = strong ? null : concept.weak?.exec(text);
    const strength = strong ? 3 : weak ? 1 : 0;
    if (strong) {
      strongCount++;
    } else if (weak) {
      weakTotal++;
    }
    if (strength > (best?.strength ?? 0)) {
      best = { concept, strength, cue: (strong ?? weak)?.[0] ?? concept.name };
    }
  }
  if (!best) {
    return undefined;
  }
  const immediacy = new Set(text.match(IMMEDIACY) ?? []).size;
  const score =
    3 * Math.min(strongCount, 1) +
    Math.min(weakTotal + Math.max(0, strongCount - 1), 2) +
    Math.min(immediacy, 2) +
    (PERSON_AT_RISK.test(text) ? 1 : 0);
  if (score < 4 || best.strength < 3) {
    return undefined;
  }
  const category =
    best.concept.name === 'trapped' && /电梯|梯/.test(text) ? 'elevator' : best.concept.category;
  return { category, cue: `${best.concept.name}:${best.cue}`, score };
}
