import { deadlinePhrase } from '../clock/china-time.js';
import type { Category, Urgency } from '../labels/labels.js';
import type { BlockerReason } from './blockers.js';
import { EMERGENCY_CHECK_MINUTES } from './emergency-check.js';
import type { Ticket } from './ticket.js';

/** Every resident- and staff-facing text of the bot, in one place (zh-CN, short and polite). */

const CATEGORY_NAMES: Record<Category, string> = {
  elevator: '电梯',
  water_supply: '供水',
  building_repair: '楼宇维修',
  power: '供电',
  gas: '燃气',
  heating: '供暖',
  sanitation: '环境卫生',
  noise: '噪音扰民',
  illegal_construction: '违建占道',
  parking: '停车',
  greenery: '绿化',
  road_facility: '道路设施',
  public_security: '治安',
  fire_safety: '消防安全',
  property_service: '物业服务',
  neighbor_dispute: '邻里纠纷',
  pets: '宠物犬只',
  elderly_care: '为老服务',
  labor_social_security: '劳动社保',
  market_food: '市场食品',
  pollution: '污染',
  health: '卫生健康',
  consultation: '政策咨询',
  other: '其他',
  none: '其他',
};

const URGENCY_NAMES: Record<Urgency, string> = {
  emergency: '紧急',
  urgent: '加急',
  normal: '一般',
  none: '一般',
};

export const categoryName = (c: Category): string => CATEGORY_NAMES[c];

const BLOCKER_REASON_NAMES: Record<BlockerReason, string> = {
  money: '缺资金',
  materials: '缺物资',
  powers: '缺执法权限',
  another_body: '需其他部门',
  resident: '居民原因',
  policy: '政策限制',
};

export const blockerReasonName = (r: BlockerReason): string => BLOCKER_REASON_NAMES[r];

/** Where the ticket is, in words: 幸福里一区3号楼2单元502. */
export function placeText(t: Pick<Ticket, 'location'>): string {
  const { compound, building, unit, room, landmark } = t.location;
  const parts = [
    compound ?? '',
    building !== null ? `${building}号楼` : '',
    unit !== null ? `${unit}单元` : '',
    room !== null ? `${room}` : '',
  ].join('');
  return parts || landmark || '未注明地点';
}

/** Where the ticket is, as the group may read it: the reporter's room (their home) is left out. */
export const publicPlaceText = (t: Pick<Ticket, 'location'>): string =>
  placeText({ location: { ...t.location, room: null } });

/** Staff notices carry at most this many characters of a resident's text. */
export const EXCERPT_CHARS = 100;

/** A long text cut to an excerpt for a staff notice, with the way to the whole of it. */
export function excerpt(text: string, ticket: number): string {
  const chars = [...text];
  return chars.length <= EXCERPT_CHARS + 20
    ? text
    : `${chars.slice(0, EXCERPT_CHARS).join('')}…（全文发「查询 ${ticket}」）`;
}

export const replies = {
  grievanceAck: (t: Ticket, handler: string) =>
    `已收到您反映的${categoryName(t.category)}问题，工单 #${t.number}。由${handler}处理，网格员${t.assignees[0] ?? ''}跟进，` +
    `${t.resolveBy ? `预计${deadlinePhrase(t.resolveBy, t.createdAt)}办结` : '会尽快办理'}。发「进度 ${t.number}」可查看进度。`,

  emergencyGroup: (t: Ticket, phone: string, phoneUse: string) =>
    `情况紧急，请立即拨打 ${phone}（${phoneUse}）！已通知网格员${t.assignees[0] ?? ''}和社区负责人，工单 #${t.number}。`,

  assigneeNotice: (t: Ticket, handler: string) =>
    `新工单 #${t.number}【${categoryName(t.category)}｜${URGENCY_NAMES[t.urgency]}】${placeText(t)}\n` +
    `「${excerpt(t.text, t.number)}」\n反映人：${t.reporter}${t.room ? `（${t.room}）` : ''}\n处理单位：${handler}\n` +
    `${t.respondBy ? `请于${deadlinePhrase(t.respondBy, t.createdAt)}响应，` : ''}回复「接单 ${t.number}」受理。`,

  /** To everyone alerted; only those who handle it are asked to take it (supervisors press, they do not take). */
  emergencyAlert: (t: Ticket, phone: string, handles: boolean) =>
    `【紧急】工单 #${t.number}：${placeText(t)}「${excerpt(t.text, t.number)}」\n反映人：${t.reporter}${t.room ? `（${t.room}）` : ''}。` +
    `已提示居民拨打 ${phone}，${handles ? `请立即核实处置，回复「接单 ${t.number}」。` : '请督促立即核实处置。'}`,

  /** The one line an emergency check adds to the group reply. */
  emergencyCheckLine: (phone: string, phoneUse: string) =>
    `如有人身危险，请立即拨打 ${phone}（${phoneUse}）。`,

  emergencyCheckAlert: (t: Ticket, phone: string) =>
    `【紧急核实】工单 #${t.number}：${placeText(t)}「${excerpt(t.text, t.number)}」\n反映人：${t.reporter}${t.room ? `（${t.room}）` : ''}。` +
    `可能有紧急情况，请在${EMERGENCY_CHECK_MINUTES}分钟内核实，必要时拨打 ${phone}；回复「接单 ${t.number}」。`,

  /** To the asker of a question the knowledge base cannot answer: who will answer, and by when. */
  questionAck: (t: Ticket, handler: string) =>
    `这个问题我暂时答不上来，已转给${handler}，登记为 #${t.number}，` +
    `${t.respondBy ? `${deadlinePhrase(t.respondBy, t.createdAt)}` : '尽快'}答复您。`,

  /** To whoever must answer a resident's question. */
  questionNotice: (t: Ticket) =>
    `居民提问 #${t.number}${t.room ? `（${t.room}）` : ''}：「${excerpt(t.text, t.number)}」\n提问人：${t.reporter}\n` +
    `${t.respondBy ? `请于${deadlinePhrase(t.respondBy, t.createdAt)}` : '请尽快'}答复：回复「答复 ${t.number} 答复内容」，我会转告提问人。`,
};

/** Emergency numbers and what each is for. */
export const EMERGENCY_PHONES = {
  police: { phone: '110', use: '报警' },
  fire: { phone: '119', use: '火警和救援' },
  medical: { phone: '120', use: '急救' },
} as const;
