import type { Category, Urgency } from '../labels/labels.js';
import { formatChinaShort } from './china-time.js';
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

export const replies = {
  grievanceAck: (t: Ticket, handler: string) =>
    `已收到您反映的${categoryName(t.category)}问题，工单 #${t.number}。由${handler}处理，网格员${t.assignees[0] ?? ''}跟进，` +
    `${t.resolveBy ? `预计 ${formatChinaShort(t.resolveBy)} 前办结` : '会尽快办理'}。发「进度 ${t.number}」可查看进度。`,

  emergencyGroup: (t: Ticket, phone: string, phoneUse: string) =>
    `情况紧急，请立即拨打 ${phone}（${phoneUse}）！已通知网格员${t.assignees[0] ?? ''}和社区负责人，工单 #${t.number}。`,

  assigneeNotice: (t: Ticket, handler: string) =>
    `新工单 #${t.number}【${categoryName(t.category)}｜${URGENCY_NAMES[t.urgency]}】${placeText(t)}\n` +
    `「${t.text}」\n反映人：${t.reporter}${t.room ? `（${t.room}）` : ''}\n处理单位：${handler}\n` +
    `${t.respondBy ? `请于 ${formatChinaShort(t.respondBy)} 前响应，` : ''}回复「接单 ${t.number}」受理。`,

  emergencyAlert: (t: Ticket, phone: string) =>
    `【紧急】工单 #${t.number}：${placeText(t)}「${t.text}」\n反映人：${t.reporter}${t.room ? `（${t.room}）` : ''}。` +
    `已提示居民拨打 ${phone}，请立即核实处置，回复「接单 ${t.number}」。`,

  /** The one line an emergency check adds to the group reply. */
  emergencyCheckLine: (phone: string, phoneUse: string) =>
    `如有人身危险，请立即拨打 ${phone}（${phoneUse}）。`,

  emergencyCheckAlert: (t: Ticket, phone: string) =>
    `【紧急核实】工单 #${t.number}：${placeText(t)}「${t.text}」\n反映人：${t.reporter}${t.room ? `（${t.room}）` : ''}。` +
    `可能有紧急情况，请在15分钟内核实，必要时拨打 ${phone}；回复「接单 ${t.number}」。`,

  inquiryAck: (committee: string) => `您的咨询已转${committee}，工作人员会尽快答复您。`,
};

/** Emergency numbers and what each is for. */
export const EMERGENCY_PHONES = {
  police: { phone: '110', use: '报警' },
  fire: { phone: '119', use: '火警和救援' },
  medical: { phone: '120', use: '急救' },
} as const;
