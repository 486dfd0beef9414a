import type { Category, Intent, Urgency } from '../../labels/labels.js';
import { firstMatch } from './cue.js';

/** Hours matter: no water, power or heat now, a hazard that will hurt someone soon, a vulnerable person affected. */
const URGENT = [
  /停水|没水了?|没有水|来水|停电|没电|断电|来电|给停了|被停了|停着电|停.{1,3}电|停运|下不去(?!脚)|下不了楼/,
  /打不着(?:火|了)|点不着(?:火|了)|开着.{0,3}(?:门|缝).{0,6}(?:走|跑|运行|上|下)|门没关.{0,6}(?:就)?(?:走|运行)|没法做饭|做不了饭|吃外卖/,
  /全凉|凉的|(?:电梯|梯).{0,20}(?:异响|咣当|咣咣|哐哐|停不齐|往下掉)|怕倒|要倒|进不来|温乎|温吞|跟没开一样|(?:暖气|水管|管子|接口|接头|阀门).{0,4}(?:漏水|爆|呲|喷)|不热|冰凉|冻得|冻坏|冷得|还是冷|屋里.{0,3}(?:1\d|十[一二三四五六七八九]?)度|室温.{0,2}1\d度/,
  /随时|一踩就|弹开|插线板|拖线板|线横在|下雨.{0,4}滴水|(?:红绿灯|信号灯|交通灯).{0,6}(?:坏|不亮|灭|乱)|发黄|铁锈|砸到|砸着|要掉|掉下来|塌|断了|歪了|晃|夹人|夹住|结冰|窟窿|要出人命|摔/,
  /水帘洞|接满|滴到床上|下雨.{0,6}漏|漏.{0,6}一地|滴了一地|返粪水|往外冒|往上(?:冒|返|涌)|冒出|化粪池|爆了|呲水|喷水/,
  /孕妇|月子|宝宝|腹透|瘫痪|轮椅|老人.{0,6}(?:冻|哆嗦)|好几天没(?:下楼|出门|见)/,
  /(?:已经|现在|都)(?:凌晨|半夜)?(?:十二|十一|一|两|三|\d{1,2})点(?:半|多)?了|点(?:多|半)?了.{0,8}还在|(?:凌晨|半夜|深夜).{0,4}还在|正在|趁还没/,
  /上吐下泻|中毒|毒狗|狗药|进小偷|撬|关了.{0,6}(?:分钟|小时)|困了|黄的|怪味|黑渣|敢喝/,
  /电线.{0,6}(?:耷拉|低)|液化气罐|煤气罐|乱拉|(?:出口|通道).{0,8}锁|不敢坐|往下顿|群租|露在外面|碎渣|尖尖|飞线|线从.{0,6}垂/,
  // a fall or a trip waiting to happen, people shut in, an outage that keeps coming back, a leak while it rains
  /爬楼|爬\d{1,2}楼|爬上(?:来|去)|挂在(?:框|窗框|半空|上面)|(?:树|电线杆|杆子|广告牌|围墙|墙|棚)(?:被刮|被风刮)?倒了|压在.{0,4}(?:车|人|路)上|(?:门|电梯).{0,24}夹(?:了|到|伤|着)|吊线|(?:线|电线|插排).{0,4}(?:挂|吊|垂)在|从(?:窗户|楼上|阳台).{0,6}(?:拉|吊|垂|放)(?:下来)?.{0,2}线|井盖.{0,4}(?:没了|不见|丢了)|差点(?:绊倒|摔)|(?:容易|会)(?:绊倒|踩空)|踩空|出不去|停不平|差一截|跳闸|虫子|下(?:大|暴)?雨.{0,12}漏|漏.{0,8}(?:接着|拿盆|拿桶)/,
  /(?:晚上|夜里|半夜|凌晨)(?:十一|十二|十|一|两|三|\d{1,2})点(?:多|半)?(?:了)?.{0,4}还在(?:干活|施工|打桩|浇|搅拌|开工|闹|唱|蹦)/,
  /吊.{0,4}电线|电线.{0,8}(?:挂|吊)在|(?:后门|出口|通道|大门|安全门).{0,6}锁/,
  /盯着|偷偷拍|智力障碍|又脏又臭|孤寡|浓烟|黑烟|呛得|报警器.{0,6}(?:叫|响)/,
];

/** Bills, fees and paperwork wait days even when they concern water or power. */
const NOT_URGENT =
  /油烟|增个?容|扩个?容|电费|水费|燃气费|物业费|暖气费|空置费|翻了一倍|开户|保温层都烂|空气|增容|电表箱|气压|压力就小|一百三/;

/** Hypotheticals (真出事消防车进不来, 万一) describe a risk, not something happening now. */
const HYPOTHETICAL_CLAUSE =
  /(?:真(?:着火|出事|有事)|真(?:的)?(?:烧|着|炸)起来|万一|要是|一旦|如果|假如|着了火)[^ ,，。!！?？]*/g;

export function decideUrgency(
  intent: Intent,
  category: Category,
  text: string,
): { urgency: Urgency; cue: string } {
  if (intent === 'emergency') {
    return { urgency: 'emergency', cue: 'urgency:emergency' };
  }
  if (intent === 'feedback' || intent === 'chatter' || category === 'none') {
    return { urgency: 'none', cue: 'urgency:none' };
  }
  if (intent === 'inquiry') {
    return { urgency: 'normal', cue: 'urgency:inquiry' };
  }
  const hit = firstMatch(text.replace(HYPOTHETICAL_CLAUSE, ''), URGENT);
  if (hit && !(NOT_URGENT.test(text) && !/停了|直接给停|凉的|不热|没水|停电了|呛得/.test(text))) {
    return { urgency: 'urgent', cue: `urgency:${hit}` };
  }
  return { urgency: 'normal', cue: 'urgency:normal' };
}
