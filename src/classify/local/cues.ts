/**
 * Concept cues: broad families a dispatcher would name (a danger, a time, a speech act), given to the model
 * as features. They never decide anything on their own; the model learns how much each one is worth.
 * A family is a concept with many wordings, never a phrase taken from one message.
 */
const FAMILIES: ReadonlyArray<readonly [name: string, pattern: RegExp]> = [
  // speech acts
  [
    'question',
    /[?？]|吗|么$|呢$|怎么|如何|哪里|哪儿|哪个|几点|多少|什么时候|能不能|可不可以|可以吗|请问|有没有|是不是|\bhow\b|\bwhere\b|\bwhen\b|\bwhat\b|\bcan i\b|\banyone know\b/,
  ],
  [
    'who-acts',
    /找谁|谁管|谁负责|有没有人管|没人管|管不管|管一管|管管|该找|反映|投诉|举报|报修|处理一下|来看看|派人|\bcomplain|\breport\b|\bfix\b/,
  ],
  ['request', /麻烦|请|希望|能否|尽快|赶紧|快点|帮忙|帮我|帮帮|\bplease\b|\bpls\b|\basap\b/],
  [
    'complaint-tone',
    /又|天天|每天|一直|总是|好几天|几天了|多久了|到底|凭什么|太差|受不了|烦死|气死|没法|还是没|根本|\bagain\b|\bstill\b/,
  ],
  ['thanks', /谢谢|感谢|多谢|辛苦|点赞|给力|好评|效率高|\bthank|\bthx\b|\bappreciate/],
  [
    'follow-up',
    /#\s*\d|＃\s*\d|工单|单号|\d+号单|上次(?:报|说|反映)|之前(?:报|说|反映)|报过|还没人来|还没来|没人来|办结|回访|已经修好|修好了|搞定了|解决了|\bticket\b/,
  ],
  ['ack', /^(?:收到|好的|好滴|ok|嗯+|哦+|👍|🙏|谢谢|1|\+1)[!！。~～]*$/],
  [
    'notice',
    /通知|公告|温馨提示|提醒大家|各位(?:业主|邻居|居民)|接龙|团购|拼团|出售|转让|低价|招领|寻物|寻狗|寻猫|广告|优惠|报名/,
  ],
  ['joke', /哈哈|笑死|😂|🤣|😄|😆|hhh|lol|\blmao\b|开玩笑|段子|表情包/],
  ['hearsay', /听说|新闻|视频里|看到说|据说|转发|朋友圈|网上|抖音|电视上|别的小区|隔壁小区|老家|外地/],
  ['hypothetical', /万一|如果|要是|假如|假设|的话|以防|防止|小心|注意|提醒|\bif\b|in case/],
  ['drill', /演习|演练|消防培训|培训|模拟|测试报警|试鸣|\bdrill\b/],
  [
    'all-clear',
    /虚惊|没事了|没什么事|已经灭|灭了|扑灭|找到了|回来了|已经出来|救出来|送医院了|送到医院|已经处理|\ball clear\b|false alarm|\bfound\b/,
  ],
  [
    'past',
    /昨天|前天|上周|上个月|去年|以前|那次|之前|当时|那天|几年前|小时候|\blast (?:week|month|year)\b|\byesterday\b/,
  ],
  ['now', /现在|正在|还在|刚刚|刚才|马上|此刻|眼下|这会儿|一直在|\bnow\b|\bright now\b/],
  [
    'urgent-words',
    /快来|快点来|快叫|救命|救救|来人|赶紧来|急急急|十万火急|\bhelp\b|\bsos\b|\bhurry\b|\bemergency\b/,
  ],
  // 110, 119, 120 as numbers of their own: not inside a room (1102) or a count
  [
    'call-emergency',
    /(?<!\d)(?:110|119|120)(?!\d)|报警|救护车|消防车|急救|\bambulance\b|\bpolice\b|\bcall 1/,
  ],
  ['shout', /[!！]{2,}|快+[!！]/],
  // danger concepts
  [
    'fire',
    /着火|起火|失火|火灾|火苗|火光|明火|烧起来|烧着|着了|冒烟|浓烟|黑烟|烟雾|一股烟|全是烟|烧焦|焦糊|\bfire\b|\bsmoke\b|\bburning\b|火燭|火烛/,
  ],
  ['gas-leak', /煤气|燃气|天然气|液化气|臭鸡蛋|一氧化碳|炭盆|烧炭|煤炉|漏气|\bgas\b|\bcarbon monoxide\b/],
  [
    'person-down',
    /倒地|倒在|晕倒|昏迷|晕过去|不省人事|叫不醒|没反应|没动静|不动了|没呼吸|没气|抽搐|口吐白沫|不应|\bcollapsed\b|\bunconscious\b|\bpassed out\b|\bnot breathing\b/,
  ],
  [
    'body-alarm',
    /胸口|胸闷|心脏|喘不上|喘不过|呼吸困难|嘴唇发紫|脸发紫|说不清|嘴歪|半边|瘫|出冷汗|大汗|抽筋|发烧到|高烧|噎住|卡住喉|\bchest\b|\bstroke\b|\bseizure\b|\bchoking\b/,
  ],
  [
    'blood-injury',
    /流血|出血|血流|好多血|满脸是血|骨折|受伤|伤口|咬伤|摔伤|烫伤|\bbleeding\b|\binjured\b|\bhurt\b/,
  ],
  ['trapped', /被困|困在|困住|关在|卡在|出不来|打不开门|拍门|\btrapped\b|\bstuck\b|\blocked in\b/],
  [
    'violence',
    /刀|砍|捅|持械|打人|打架|动手|殴打|家暴|抢劫|行凶|威胁|拿着.{0,4}(?:棍|棒|铁)|撬门|砸门|踹门|闯进|\bknife\b|\bfight\b|\battack/,
  ],
  ['self-harm', /跳楼|跳下去|想不开|轻生|自杀|不想活|寻死|割腕|站在.{0,6}(?:楼顶|天台|窗台|边上)|\bsuicid/],
  [
    'missing-person',
    /走丢|走失|找不到|不见了|没回家|联系不上|失联|\bmissing\b|\blost (?:my|our) (?:son|daughter|kid|child)/,
  ],
  [
    'water-electric',
    /(?:水|淹).{0,10}(?:插座|电线|电器|电箱|漏电)|漏电|触电|电线.{0,6}(?:掉|断|垂)|\belectrocut|\blive wire\b/,
  ],
  ['fall-height', /窗台|阳台边|护栏外|坠落|掉下来|砸下来|高空|楼顶|天台|\bledge\b|\bwindow sill\b/],
  ['drowning', /落水|溺水|掉进(?:河|水|池|湖)|在水里扑腾|沉下去|\bdrown/],
  [
    'people-at-risk',
    /孩子|小孩|娃|宝宝|老人|老太太|老爷子|老伴|爷爷|奶奶|外婆|外公|姥姥|孕妇|残疾|独居|一个人在家|\bkid\b|\bchild\b|\bbaby\b|\belderly\b|\bgrandma\b|\bgrandpa\b/,
  ],
  ['cooking', /炒菜|做饭|炒辣椒|烧烤|烤肉|火锅|煎|炸|油烟机|厨房里|蒸|\bcooking\b|\bbbq\b/],
  ['steam', /蒸汽|水汽|水蒸气|雾气|暖气管.{0,6}(?:冒|汽)|\bsteam\b/],
  [
    'hyperbole',
    /急死|热死|冷死|累死|笑死|吓死|烦死|气死|饿死|困死|要命|要疯|炸了|火大|上火|心态崩|血压.{0,3}上来|\bkilling me\b|\bdying\b/,
  ],
];

/** Names of the concept families present in a normalised text, as model features (`c:fire`). */
export function conceptCues(text: string): string[] {
  const out: string[] = [];
  for (const [name, pattern] of FAMILIES) {
    if (pattern.test(text)) {
      out.push(`c:${name}`);
    }
  }
  return out;
}
