import type { Intent } from '../../labels/labels.js';
import { firstMatch } from './cue.js';
import type { EmergencyHit } from './emergency.js';
import {
  ACK,
  COMPLAINT_TONE,
  FOLLOW_UP,
  GENERAL_REQUEST,
  JOKE,
  NEIGHBOUR_ASK,
  NOTICE_OR_AD,
  OWN_FALSE_ALARM,
  POSITIVE_CHATTER,
  PRAISE,
  PRAISE_TARGET,
  PROBLEM,
  PROCEDURE,
  RESOLVED,
  RULE_QUESTION,
  STILL_BROKEN,
  STRONG_PROBLEM,
  THANKS,
  WEAK_QUESTION,
} from './intent-cues.js';

export type IntentSignals = {
  emergency: EmergencyHit | undefined;
  /** Lexicon score of the best category (0 when no domain word). */
  domainScore: number;
  /** Naive Bayes posterior over intents. */
  model: Map<string, number>;
  /** The text held orders to the bot; what is left must show a real problem to be a request. */
  injected: boolean;
};

export type IntentDecision = {
  intent: Intent;
  cue: string /** how much the rules alone settle it, 0..1 */;
  strength: number;
};

/** With no domain word, only a message addressed to an office or asking how to get something done is a request. */
const ASKS_AN_OFFICE = [
  /(?:社区|物业|居委会|街道|派出所|城管|政府|有关部门)(?:能不能|能否|可以|帮|管|给|来|处理|解决)/,
  /怎么(?:办理|申请)|在哪(?:里|儿)?(?:办理|申请)|需要(?:什么|哪些)材料|投诉|举报/,
];

/** Hyperbole about one's own day (热死了, 急死了, 吓死宝宝了, 馋死我了) and moods (心态崩了) are small talk. */
const HYPERBOLE =
  /[热急累笑气困饿冷烦忙吓馋撑晒渴酸美帅乐]死(?:了|我了|宝宝了|人了|我|个人|啦)|要死了|救救我|心态崩|崩溃了|裂开了|血亏|躺平|摆烂|emo|[热冷晒累忙烫辣]得(?:跟|像)[^ ，,。]{1,8}(?:似的|一样)/;

/** Figures of speech with a domain word (气得血压都上来了, 热得要着火了, 电费要炸了): moods, not reports. */
const FIGURATIVE =
  /气得.{0,4}(?:血压|心脏|肝|胃)|[热烫急气辣晒渴]得(?:都|要|快|快要)?.{0,3}(?:着火|冒烟|炸|烧起来)|(?:电费|话费|钱包|脑子|脑袋|头)(?:都|也)?要炸了/;

/** Hearsay or news passed on as a warning to neighbours (听说…被骗了 大家小心点): small talk. */
const NEWS_WARNING =
  /(?:新闻|听说|网上|朋友圈|电视上|视频里)[^。!！]{0,40}(?:大家|各位|邻居们|你们)[^。!！]{0,12}(?:注意|小心|提防|当心|警惕)/;

/** Curiosity about a neighbour's event (救护车来了 谁家出什么事了): small talk. */
const CURIOSITY = /谁家.{0,4}出(?:了)?(?:什么|啥)事|(?:发生|出)(?:了)?(?:什么|啥)事了?[吗呀啊]?$/;

/** One's own pet wrecking one's own things (我家狗子把沙发咬了): a story, not a complaint about anyone. */
const OWN_PET_MISCHIEF =
  /我家(?:的)?(?:狗|猫|二哈|哈士奇|柯基|泰迪|主子)(?:子|咪)?(?:又|今天|昨天)?把.{0,8}(?:咬|啃|拆|抓|挠|撕|打翻|尿)/;

/** Words that tie a message to a report or an office, so "还没" is a follow-up and not a mood. */
const REPORT_WORD = /报修|反映|投诉|工单|师傅|物业|社区|网格员|居委会|热线|12345/;

/** With no domain word, a question about paperwork (要办什么证, 要不要报批, 什么时候轮到) is still for an office. */
const OFFICE_QUESTION =
  /办(?:什么|啥|哪些)?证|报批|审批|手续|材料|申请|登记|补贴|政策|轮到|归谁管|找哪个部门|哪个部门/;

/** A question that is really a complaint (不是有规定吗, 有许可吗 after the noise, 到底管不管). */
const RHETORICAL =
  /(?<!是)不是(?:有|说|规定|早就)?.{1,10}吗|有没有人管|有人管吗|难道|凭什么|凭啥|到底(?:管不管|有没有|还)|有.{0,6}许可吗|合法吗|像话吗|还有没有/;

/** Someone else's incident, already over (昨晚有人打架 警察带走了 现在没事了): news, not a follow-up. */
const NEWS_OVER =
  /(?:昨晚|昨天|今天|今早|刚才|刚刚|早上|上午|中午|下午|晚上|前天).{0,12}(?:有人|看到|看见).{0,24}(?:带走了|没事了|处理完了|走了|散了)|(?:上次|上周|昨天|前几天|那次).{0,16}听说/;

const STRIP = /\[[^\]]{1,6}\]|[\s\p{P}\p{S}\p{Emoji_Presentation}]/gu;

/** Intent by ordered rules (emergency, chatter, feedback, inquiry vs grievance); the model breaks weak ties. */
export function decideIntent(text: string, signals: IntentSignals): IntentDecision {
  const bare = text.replace(STRIP, '');
  if (bare.length <= 1 || ACK.test(text)) {
    return { intent: 'chatter', cue: 'chatter:ack', strength: 1 };
  }
  if (signals.emergency) {
    return { intent: 'emergency', cue: `emergency:${signals.emergency.cue}`, strength: 0.95 };
  }
  if (OWN_FALSE_ALARM.test(text) && !firstMatch(text, FOLLOW_UP)) {
    return { intent: 'chatter', cue: 'chatter:own-false-alarm', strength: 0.6 };
  }
  if (signals.domainScore < 2 && (HYPERBOLE.test(text) || JOKE.test(text)) && !REPORT_WORD.test(text)) {
    return { intent: 'chatter', cue: 'chatter:hyperbole', strength: 0.6 };
  }
  if (signals.domainScore < 6 && FIGURATIVE.test(text) && !REPORT_WORD.test(text)) {
    return { intent: 'chatter', cue: 'chatter:figurative', strength: 0.55 };
  }
  if (NEWS_WARNING.test(text) && !REPORT_WORD.test(text)) {
    return { intent: 'chatter', cue: 'chatter:news-warning', strength: 0.6 };
  }
  if (CURIOSITY.test(text) && !firstMatch(text, PROBLEM) && !REPORT_WORD.test(text)) {
    return { intent: 'chatter', cue: 'chatter:curiosity', strength: 0.55 };
  }
  if (OWN_PET_MISCHIEF.test(text) && !/邻居|别人|被.{0,4}咬|楼上|楼下|对门|隔壁/.test(text)) {
    return { intent: 'chatter', cue: 'chatter:own-pet', strength: 0.6 };
  }
  const notice = firstMatch(text, NOTICE_OR_AD);
  if (notice) {
    return { intent: 'chatter', cue: `chatter:${notice}`, strength: 0.9 };
  }
  if (NEWS_OVER.test(text) && !REPORT_WORD.test(text) && !/谢谢|感谢/.test(text)) {
    return { intent: 'chatter', cue: 'chatter:news-over', strength: 0.6 };
  }
  const feedback = feedbackCue(text);
  if (feedback) {
    return { intent: 'feedback', cue: `feedback:${feedback}`, strength: 0.85 };
  }
  return decideRequest(text, signals);
}

function feedbackCue(text: string): string | undefined {
  const followUp = firstMatch(text, FOLLOW_UP);
  if (followUp) {
    return followUp;
  }
  if (STILL_BROKEN.test(text)) {
    return undefined;
  }
  const resolved = firstMatch(text, RESOLVED);
  if (resolved) {
    return resolved;
  }
  if (firstMatch(text, PROBLEM) || !PRAISE_TARGET.test(text)) {
    return undefined;
  }
  const thanks = THANKS.exec(text)?.[0];
  if (thanks && !/谢谢分享|谢谢大家|感谢大家|谢谢啦|谢谢啊|谢谢[!！]?$/.test(text)) {
    return thanks;
  }
  return PRAISE.exec(text)?.[0];
}

function decideRequest(text: string, signals: IntentSignals): IntentDecision {
  const problem = firstMatch(text, PROBLEM);
  const procedure = firstMatch(text, PROCEDURE);
  const question = procedure ?? firstMatch(text, WEAK_QUESTION);
  const modelBest = bestOf(signals.model, ['grievance', 'inquiry', 'chatter']);
  if (signals.injected && !problem) {
    return { intent: 'chatter', cue: 'chatter:injection', strength: 0.8 };
  }
  if (signals.domainScore < 2) {
    // no domain word: a clear problem or a question to an office is still a request, with low confidence
    const strongProblem = firstMatch(text, STRONG_PROBLEM);
    const asked =
      HYPERBOLE.test(text) || JOKE.test(text) || NEIGHBOUR_ASK.test(text)
        ? undefined
        : (strongProblem ?? firstMatch(text, ASKS_AN_OFFICE));
    if (asked) {
      const intent = procedure && !problem ? 'inquiry' : 'grievance';
      return { intent, cue: `${intent}:${asked}(no domain word)`, strength: 0.35 };
    }
    if (procedure && !HYPERBOLE.test(text) && /请问|想问|咨询/.test(text)) {
      return { intent: 'inquiry', cue: `inquiry:${procedure}(no domain word)`, strength: 0.35 };
    }
    const neighbourly = NEIGHBOUR_ASK.test(text) || HYPERBOLE.test(text) || JOKE.test(text);
    const officeQuestion = neighbourly ? null : OFFICE_QUESTION.exec(text);
    if (officeQuestion && question) {
      return { intent: 'inquiry', cue: `inquiry:${officeQuestion[0]}(no domain word)`, strength: 0.3 };
    }
    const request = neighbourly ? null : GENERAL_REQUEST.exec(text);
    if (request) {
      return { intent: 'grievance', cue: `grievance:${request[0]}(no domain word)`, strength: 0.3 };
    }
    return { intent: 'chatter', cue: 'chatter:no-domain', strength: 0.7 };
  }
  if (signals.domainScore < 5 && JOKE.test(text)) {
    return { intent: 'chatter', cue: 'chatter:joke', strength: 0.6 };
  }
  if (!problem && POSITIVE_CHATTER.test(text)) {
    return { intent: 'chatter', cue: 'chatter:positive', strength: 0.6 };
  }
  if (question && !problem) {
    return { intent: 'inquiry', cue: `inquiry:${question}`, strength: procedure ? 0.85 : 0.6 };
  }
  if (problem && !procedure) {
    return { intent: 'grievance', cue: `grievance:${problem}`, strength: question ? 0.75 : 0.85 };
  }
  if (problem && procedure) {
    if (RULE_QUESTION.test(text) && !COMPLAINT_TONE.test(text)) {
      return { intent: 'inquiry', cue: `inquiry:${procedure}(rule question)`, strength: 0.5 };
    }
    if (RHETORICAL.test(text)) {
      return { intent: 'grievance', cue: `grievance:${problem}(rhetorical)`, strength: 0.6 };
    }
    const choice = modelBest.label === 'inquiry' ? 'inquiry' : 'grievance';
    return { intent: choice, cue: `${choice}:${choice === 'inquiry' ? procedure : problem}`, strength: 0.5 };
  }
  const choice = modelBest.label === 'chatter' && signals.domainScore < 4 ? 'chatter' : 'grievance';
  return { intent: choice, cue: `${choice}:domain`, strength: 0.55 };
}

function bestOf(distribution: Map<string, number>, labels: Intent[]): { label: Intent; p: number } {
  let best: { label: Intent; p: number } = { label: 'grievance', p: 0 };
  for (const label of labels) {
    const p = distribution.get(label) ?? 0;
    if (p > best.p) {
      best = { label, p };
    }
  }
  return best;
}
