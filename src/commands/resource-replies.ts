import type { ResourceData } from '../directory/schema.js';
import { maskPersonalData } from '../privacy/mask.js';
import type { ResourceMatch } from '../routing/match-resources.js';
import type { CapacityLeft } from '../routing/resource-load.js';
import type { Ticket } from '../tickets/ticket.js';
import { categoryName, excerpt, placeText } from '../tickets/ticket-text.js';

/** The texts of 资源 N and 对接 N 资源名 (zh-CN, short and polite). */

const KIND_NAMES: Record<ResourceData['kind'], string> = {
  co_building_unit: '共建单位',
  social_organisation: '社会组织',
  volunteers: '志愿队',
  professional: '专业人士',
};

/** `还可同时接 2 件，本月还可接 3 次`: each limit the resource has, with what is left of it. */
export function capacityText(left: CapacityLeft): string {
  return [
    ...(left.atOnce !== undefined ? [`还可同时接 ${left.atOnce} 件`] : []),
    ...(left.perMonth !== undefined ? [`本月还可接 ${left.perMonth} 次`] : []),
  ].join('，');
}

const head = (t: Ticket) => `工单 #${t.number}【${categoryName(t.category)}】${placeText(t)}`;

export const resourceReplies = {
  list: (
    t: Ticket,
    matches: readonly ResourceMatch[],
    engaged: readonly string[],
    full: readonly ResourceData[],
  ) =>
    [
      matches.length > 0 ? `${head(t)} 可对接的资源：` : `${head(t)} 暂无可对接的资源。`,
      ...matches.map(
        (m, i) =>
          `${i + 1}. ${m.resource.name}（${KIND_NAMES[m.resource.kind]}）联系人${m.resource.contact}，${capacityText(m.left)}`,
      ),
      ...(engaged.length > 0 ? [`已对接：${engaged.join('、')}`] : []),
      ...(full.length > 0 ? [`已满额：${full.map((r) => r.name).join('、')}`] : []),
      ...(matches.length > 0 ? [`对接请发「对接 ${t.number} 资源名」。`] : []),
    ].join('\n'),

  engaged: (n: number, r: ResourceData, left: CapacityLeft) =>
    `已为工单 #${n} 对接${r.name}，已通知联系人${r.contact}。${r.name}${capacityText(left)}。`,
  /** To the resource's contact, who may not be staff: place and need, never the reporter's name or numbers. */
  engageNotice: (t: Ticket, r: ResourceData, by: string, gridWorker: string | null) =>
    `【帮扶对接】${head(t)}\n「${maskPersonalData(excerpt(t.text, t.number))}」\n` +
    `${by}请${r.name}协助办理，请与${gridWorker ? `网格员${gridWorker}` : by}联系。谢谢支持！`,
  /** To the grid worker when someone else engaged a resource on their ticket. */
  engageGridNotice: (t: Ticket, r: ResourceData, by: string) =>
    `工单 #${t.number}（${placeText(t)}）已由${by}对接${r.name}（联系人${r.contact}）。`,
  unknown: (n: number, typed: string) => `没有找到「${typed}」这个资源。发「资源 ${n}」查看可对接的资源。`,
  alreadyEngaged: (n: number, r: ResourceData) => `${r.name}已在协助工单 #${n}，无需重复对接。`,
  full: (n: number, r: ResourceData) =>
    `${r.name}已满额，暂不能对接工单 #${n}。发「资源 ${n}」查看其他资源。`,
};
