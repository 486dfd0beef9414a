/**
 * Small lexicons for what a message says about an existing ticket rather than a new problem: a resident
 * chasing progress, a resident thanking, a staff member pressing for a good rating. They are phrasings, not
 * single strings, and only ever link to a ticket that exists; they never open one.
 */

const FOLLOW_UP = [
  /还(?:是)?没(?:有)?(?:人)?(?:来|管|修|处理|弄|回复|回音|动静|反应|消息|解决|好)/,
  /怎么还(?:没|不|是没)/,
  /(?:上次|之前|前几天|昨天|前天|早上|刚才)(?:报|说|反映|反应|提)的/,
  /(?:修|弄|处理|解决|搞)好了(?:吗|没|没有|么)/,
  /(?:有人管|有进展|有消息|有人来|有回音)(?:吗|没|么|了吗)/,
  /(?:进展|进度)(?:怎么样|如何|到哪)/,
  /什么时候(?:来|修|处理|解决|能好|派人)/,
  /催(?:一下|一催|催|办)/,
  /(?:等|拖)了(?:好|快|都)?[\d一二两三四五六七八九十几]+(?:天|周|个星期|个月|小时)/,
  /到底(?:修不修|管不管|有没有人)/,
];

/** The problem still there, said of a ticket already open (「到现在还没填」「还是不亮」「还在滴」). */
const STILL_THERE = [
  /到现在(?:都|也)?(?:还|没|不)/,
  /还是(?:没|不)(?!是)/,
  /依然|仍然|依旧/,
  /还在(?:滴|漏|响|冒|吵|堵|渗|流|臭)/,
  /还没(?:有)?(?:填|补|换|通|来电|来水|恢复|修好|弄好)/,
];

const THANKS = [
  /谢谢|感谢|多谢|唔该|辛苦了|点赞|给力/,
  // English and mixed groups thank in English (「Thanks Chen Jing」「thank u 陈姐」「thx」)
  /\bthank(?:s|\s*(?:you|u))\b|\bthx\b|\bmany thanks\b/i,
  /(?:已经|终于)?(?:修|弄|处理|解决)好了(?![吗没么])|已经好了|已解决/,
];

const RATING_PRESSURE = [
  /给(?:个|我们|咱们)?(?:个)?(?:好评|满意|五星|5星|非常满意)/,
  /好评(?:一下|哦|哈|呀|啊|啦)/,
  /打(?:个)?(?:五星|5星|满分|高分)/,
  /(?:帮忙|麻烦|记得|请|务必|一定)(?:大家)?(?:点|给|选|回|回复|发|打)(?:个|一下)?(?:满意|好评|五星|5星)/,
  /评价(?:时|的时候|时候)?(?:请)?(?:选|点|给|打)(?:个)?(?:满意|非常满意|好评|五星|5星)/,
  /(?:五星|5星)好评/,
  /(?:点|回|发)(?:个|一下)?满意/,
];

/** A resident chasing a reported problem ("还没人来", "上次报的修好了吗", "怎么还没修"). */
export function isFollowUp(text: string): boolean {
  return FOLLOW_UP.some((re) => re.test(text));
}

/**
 * The problem still there (「到现在还没填，昨天又有人崴脚了」, 「还是臭」): read only of a ticket the sender
 * already has, where it presses the handlers like a follow-up. Alone it is no follow-up: a resident without
 * a ticket saying 「楼道灯到现在还不亮」 is reporting it.
 */
export function isStillThere(text: string): boolean {
  return STILL_THERE.some((re) => re.test(text));
}

/** Thanks or praise ("谢谢，已经修好了"); a question about whether it is fixed is a follow-up, not thanks. */
export function isThanks(text: string): boolean {
  return !isFollowUp(text) && THANKS.some((re) => re.test(text));
}

/**
 * Pressing residents for a good rating ("给个满意", "好评一下", "打个五星"). A neutral request that offers
 * both answers ("请回复满意或不满意") is not pressure.
 */
export function isRatingPressure(text: string): boolean {
  if (/不满意/.test(text)) {
    return false;
  }
  return RATING_PRESSURE.some((re) => re.test(text));
}

const AGREEMENT = [
  /^\s*(?:\+\s*1|＋1|加一|附议|同问|同感|同上)/,
  /(?:我家|我们家|我们楼|我们单元|我这|俺家|我们这)(?:边|里)?(?:也|同样|一样)/,
  /^\s*(?:我也是|也是|一样|同样|确实|是的|对的|真的|没错)/,
  /也(?:坏|漏|停|没|不|听到|闻到|看到|遇到|碰到|被|有|吵|是)/,
];

/** Agreeing with a quoted report ("我家也是", "+1", "确实，我也听到了"): the sender has the same problem. */
export function isAgreement(text: string): boolean {
  return AGREEMENT.some((re) => re.test(text));
}

const QUESTION_FORM =
  /[?？]|[吗呢么嘛不没]\s*[~～。!！]*\s*$|吗[\s,，。!！~～]|怎么|咋|如何|哪里|哪儿|在哪|哪个|哪位|哪家|哪些|几点|几号|多少|多久|什么时候|啥时候|能不能|可不可以|可以不|有没有|是不是|是否|能否|要不要|中不中|行不行|谁|(\p{Script=Han})不\1/u;

/**
 * Worded as a question: a question mark anywhere (「来电了吗？我在单位」), a question particle at the end or before
 * a pause, or a question word.
 */
export function isQuestionForm(text: string): boolean {
  return QUESTION_FORM.test(text);
}
