import { deadlinePhrase } from '../clock/china-time.js';
import type { Blocker, BlockerReason } from './blockers.js';
import type { Ticket } from './ticket.js';
import { blockerReasonName, categoryName, placeText } from './ticket-text.js';

/** How long, in days and hours: 3天5小时, 6小时, 不到1小时. */
export function ageText(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const days = Math.floor(hours / 24);
  if (days > 0) {
    return hours % 24 > 0 ? `${days}天${hours % 24}小时` : `${days}天`;
  }
  return hours > 0 ? `${hours}小时` : '不到1小时';
}

/** The 卡点 ledger's texts (zh-CN, short). */
export const blockerReplies = {
  recorded: (t: Ticket, reason: BlockerReason) =>
    `已登记工单 #${t.number} 的卡点（${blockerReasonName(reason)}），办结时限暂停计时，已列入社区党委卡点清单。` +
    `解决后请发「解除卡点 ${t.number}」。`,
  recordedNotice: (t: Ticket, who: string, reason: BlockerReason, note: string) =>
    `【卡点】工单 #${t.number}【${categoryName(t.category)}】${placeText(t)}\n` +
    `${who}登记：${blockerReasonName(reason)}——${note}`,
  cleared: (t: Ticket, now: Date) =>
    `工单 #${t.number} 的卡点已解除，办结时限顺延，${t.resolveBy ? `现为${deadlinePhrase(t.resolveBy, now)}前` : '请尽快办结'}。`,
  clearedNotice: (t: Ticket, who: string, note: string | null) =>
    `工单 #${t.number}（${placeText(t)}）的卡点已由${who}解除${note ? `：${note}` : ''}，请继续办理。`,
  notBlocked: (n: number) => `工单 #${n} 目前没有登记卡点。`,
  notWorking: (n: number) => `工单 #${n} 不在办理中，无需登记卡点。`,
  line: (t: Ticket, b: Blocker, now: Date) =>
    `#${t.number} ${categoryName(t.category)} ${placeText(t)} ${blockerReasonName(b.reason)} ` +
    `已卡${ageText(now.getTime() - b.since.getTime())} ${b.by}：${b.note}`,
  list: (lines: readonly string[], more: number) =>
    [
      `未解决的卡点 ${lines.length + more} 件（卡得最久的在前）：`,
      ...lines,
      ...(more > 0 ? [`……另有 ${more} 件`] : []),
    ].join('\n'),
  none: () => '您负责的范围内目前没有未解决的卡点。',
};
