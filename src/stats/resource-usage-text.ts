import { categoryName } from '../tickets/ticket-text.js';
import type { StatsPeriod } from './period.js';
import { PERIOD_NAMES, ratioText } from './replies.js';
import type { ResourceUsage } from './resource-usage.js';

/** A supervisor's view of the resources (资源统计): short, Chinese, every number with its denominator. */
export function resourceUsageText(
  community: string,
  period: StatsPeriod,
  periodLabel: string,
  u: ResourceUsage,
): string {
  const name = PERIOD_NAMES[period];
  const without =
    u.withoutByCategory.length > 0
      ? `：${u.withoutByCategory.map((c) => `${categoryName(c.category)} ${c.count}`).join('、')}`
      : '';
  return [
    `${community}帮扶资源（${name} ${periodLabel}）`,
    `对接 ${u.engagements} 次，用到资源 ${u.used.length}/${u.resourceCount} 个${u.used.length > 0 ? '：' : ''}`,
    ...u.used.map((r) => `· ${r.name} ${r.count} 次`),
    ...(u.unused.length > 0
      ? [`${name}未用 ${u.unused.length}/${u.resourceCount}：${u.unused.join('、')}`]
      : []),
    `新需求中有资源可配 ${ratioText(u.needsWithResource)}，其中已对接 ${ratioText(u.engagedOfMatched)}`,
    `无资源可配 ${ratioText(u.needsWithout)}${without}`,
  ].join('\n');
}
