import type { Category } from '../../labels/labels.js';
import { firstMatch, hasAny } from './cue.js';

/** Danger to life or property now: what the bot must answer at once with 110/119/120. */
export type EmergencyHit = { category: Category; cue: string };

type EmergencyRule = { category: Category; patterns: RegExp[]; unless?: RegExp[] };

const RULES: EmergencyRule[] = [
  {
    category: 'elevator',
    patterns: [
      /(?:被?困|关|卡)(?:在)?(?:了)?电梯(?:里|内)|(?:被?困|关|卡)在.{0,8}电梯(?:里|内)|电梯(?:里|内)?(?:有人)?(?:被困|困人|关人)|电梯困|困在电梯里/,
      /电梯.{0,12}(?:门打不开|卡在.{0,6}中间|不动了|一动不动|停在半空|卡住了|掉了一截)/,
      /电梯.{0,16}(?:人|老公|老婆|孩子|我妈|我爸|老人|小孩|我)(?:还)?(?:在|关在|困在)(?:里面|里头)/,
      /stuck in (?:the|an)? ?(?:lift|elevator)|trapped in (?:the|an)? ?(?:lift|elevator)/,
    ],
    unless: [/萌|哈哈|😂|电梯口/],
  },
  {
    category: 'gas',
    patterns: [
      /(?:燃气|煤气|天然气|液化气).{0,4}(?:味|泄漏|泄露|漏了|漏气)/,
      /(?:漏气|泄漏|泄露).{0,12}(?:燃气|煤气|天然气)/,
      /臭鸡蛋味.{0,16}(?:燃气|煤气)/,
      /嘶嘶.{0,12}(?:味|气)/,
      /(?:燃气|煤气)(?:管|管道).{0,6}(?:挖断|断了|破了|冒气)/,
      /gas (?:leak|smell)|smell(?:s)? (?:of )?gas/,
    ],
    unless: [/没(?:有)?闻到/, /化工厂|工厂/],
  },
  {
    category: 'fire_safety',
    patterns: [
      /(?<!打|点|打不)着火了|起火了|失火|火灾|烧起来了|着起来了|火苗(?:窜|蹿|冒|很大|好大)|窜出火|自燃/,
      /冒(?:黑)?烟|冒出.{0,6}烟|浓的?(?:黑)?烟|黑烟.{0,6}(?:冒|滚|窜)|烟(?:好|很|特别)大|全是烟(?!头)|(?<!抽|吸)有烟(?!头)|烧焦味|焦糊味/,
      /\bon fire\b|\bfire!|smoke everywhere/,
    ],
    unless: [/烧(?:垃圾|电线|塑料|秸秆|轮胎)|油烟|抽烟|吸烟|排(?:黑)?烟|工厂|烟囱|气得.{0,4}冒烟/],
  },
  {
    category: 'health',
    patterns: [
      /晕倒|昏倒|昏迷|倒地|叫不醒|喊不醒|不省人事|抽搐|口吐白沫|没(?:有)?呼吸|没气了|心脏骤停|晕过去|昏过去/,
      /倒下了|(?:叫|喊|拍)(?:他|她)?.{0,4}(?:不醒|没反应)|躺(?:在)?地上.{0,8}(?:不动|没反应|起不来|叫不醒)|(?:喊|叫)(?:他|她)?.{0,3}没(?:有)?反应|没有意识|心脏病(?:发作|犯了)|喘不上气.{0,6}(?:救护车|120)/,
      /说不出话.{0,8}(?:半边|动不了)|半边身子动不了|中风了|迷迷糊糊|意识不清|(?:叫|打)了?120|磕破.{0,8}(?:血|迷糊)/,
      /(?:有人|人|孩子|小孩|老人).{0,6}(?:掉|摔|坠)下(?:来|去)了|坠楼|跳楼/,
      /被车撞|撞倒了|流了好多血|大出血/,
      /collapsed|unconscious|not breathing/,
    ],
    unless: [/(?:瓷砖|墙皮|树枝|玻璃|东西|外墙|招牌).{0,6}掉下来/],
  },
  {
    category: 'public_security',
    patterns: [
      /(?:拿|持|带|举)着?(?:刀|棍|棒|斧头|砍刀|菜刀|水果刀|铁棍|砖头)|菜刀|砍刀|动刀|捅人|捅了|砍人|追着砍|见血|头上全是血|头破血流/,
      /(?:打架|打人|斗殴|打起来).{0,12}(?:受伤|流血|见血|出血)|(?:受伤|流血).{0,12}(?:打架|打人|斗殴)/,
      /打老婆|打孩子.{0,6}救命|家暴|喊救命/,
      /(?:在|正在)撬.{0,4}门|有人撬/,
      /孩子(?:不见了|丢了|被抱走)|小孩(?:不见了|丢了|被抱走)/,
      /(?:小孩|孩子|人|老人).{0,8}(?:挂在|悬在|爬到|站在).{0,6}(?:阳台|窗)|要掉下去了/,
      /(?:两口子|夫妻|男的|女的|两个人|几个人|一群人|两拨人).{0,6}(?:打起来|打架|动手)|哭喊|呼救|砸人|打人了|拿.{0,4}(?:啤酒瓶|酒瓶|砖头|石头).{0,4}(?:砸|打)|拉不住/,
      /抢劫|持刀/,
    ],
    unless: [/已经跑了|人已经跑|找到了/],
  },
  {
    category: 'power',
    patterns: [
      /(?:电线|电缆|电箱|电闸|线路|高压线).{0,16}(?:火花|打火|冒火|电弧)|(?:冒|打|直冒)火花|火花(?:直冒|四溅)/,
    ],
  },
  {
    category: 'elderly_care',
    patterns: [
      /(?:独居|一个人住).{0,20}(?:没开门|敲门没人应|没动静|没人应)|(?:没开门|敲门没人应).{0,20}独居/,
    ],
  },
];

/** Hyperbole and jokes (热死了, 笑死, 基金着火) or a danger that is already over: never an emergency. */
const NOT_NOW = [
  /哈哈|😂|🤣|笑死|开玩笑|基金|股票|\[捂脸\]/,
  /没事了|没事啊|虚惊一场|已经(?:灭|扑灭|出来|救出|送医|没事)|(?:现在|总算|终于)(?:救)?出来了|人已经出来|已经找到|找到了/,
  /火锅|上火|发火|火车|火爆|恼火|火大/,
  /(?:上周|上次|上个月|前几天|去年).{0,10}(?:那次|的时候)|那次.{0,8}(?:处理|及时|谢谢)/,
];

/** Hypotheticals about a hazard (真着火了, 万一出事, 一点火星就着) describe risk, not a fire now. */
const HYPOTHETICAL_CLAUSE =
  /(?:真(?:着|起|失)火|万一|要是|一旦|如果|怕)[^ ,，。!！?？]*|一点火星[^ ,，。]*|着了火[^ ,，。]*/g;

export function detectEmergency(text: string): EmergencyHit | undefined {
  if (hasAny(text, NOT_NOW)) {
    return undefined;
  }
  for (const rule of RULES) {
    const cue = firstMatch(text, rule.patterns);
    if (!cue || (rule.unless && hasAny(text, rule.unless))) {
      continue;
    }
    if (
      rule.category === 'fire_safety' &&
      !firstMatch(text.replace(HYPOTHETICAL_CLAUSE, ''), rule.patterns)
    ) {
      continue;
    }
    return { category: rule.category, cue };
  }
  return undefined;
}
