import { chinaDateText } from '../clock/china-time.js';
import type { Ticket } from '../tickets/ticket.js';
import { categoryName, placeText } from '../tickets/ticket-text.js';
import type { SignalName } from './formalism.js';
import type { StatsPeriod } from './period.js';
import type { Rates, Ratio } from './rates.js';

/** The texts of statistics, digests and the overdue list (zh-CN, short). Supervisors see n/d, never a bare %. */

export const PERIOD_NAMES: Record<StatsPeriod, string> = { today: '今天', week: '本周', month: '本月' };

export const SIGNAL_LABELS: Record<SignalName, string> = {
  no_photo_evidence: '无现场照片',
  quick_close: '接单即办结',
  deadline_bunching: '临期突击办结',
  timeout_closure: '超时默认关闭',
  rating_pressure: '诱导好评',
  bounced: '反复退转',
  stuck_unexplained: '超时未报卡点',
};

/**
 * `3/4（75%）`; `暂无` when nothing was counted. The percentage is rounded to the nearest (2/3 is 67%), but
 * never to 100% or 0% unless it is exactly that (199/200 is 99%, 1/300 is 1%).
 */
export function ratioText(r: Ratio): string {
  if (r.denominator === 0) {
    return '暂无';
  }
  const rounded = Math.round((r.numerator * 100) / r.denominator);
  const pct =
    r.numerator === r.denominator ? 100 : r.numerator === 0 ? 0 : Math.min(99, Math.max(1, rounded));
  return `${r.numerator}/${r.denominator}（${pct}%）`;
}

/** `12月1日`, or `12月1日—12月7日` for a range of several days ([from, to), China time). */
export function periodText(period: { from: Date; to: Date }): string {
  const first = chinaDateText(period.from);
  const last = chinaDateText(new Date(Math.max(period.from.getTime(), period.to.getTime() - 1)));
  return first === last ? first : `${first}—${last}`;
}

/** The full block of figures a supervisor reads. */
export function ratesBlock(r: Rates): string {
  const cancelled = r.cancelled > 0 ? `（另撤回/撤销 ${r.cancelled} 件）` : '';
  return [
    `新收 ${r.received} 件${cancelled}`,
    `响应 ${ratioText(r.responseRate)}；按时响应 ${ratioText(r.onTimeResponseRate)}`,
    `办结 ${ratioText(r.resolutionRate)}；按时办结 ${ratioText(r.onTimeResolutionRate)}`,
    `群众确认解决 ${ratioText(r.confirmedResolutionRate)}；满意 ${ratioText(r.satisfactionRate)}`,
    `重新打开 ${ratioText(r.reopenRate)}；复发 ${ratioText(r.recurrenceRate)}`,
    `退回 ${ratioText(r.returnRate)}；吹哨 ${ratioText(r.whistleRate)}`,
    `当前超时未办 ${r.openOverdue} 件（含本期逾期共 ${r.overdue} 件）`,
  ].join('\n');
}

/** One line per body in a supervisor's answer. */
export function bodyLine(name: string, r: Rates): string {
  return (
    `· ${name}：新收 ${r.received}，办结 ${r.resolved}，确认解决 ${ratioText(r.confirmedResolutionRate)}，` +
    `按时响应 ${ratioText(r.onTimeResponseRate)}，超时未办 ${r.openOverdue}`
  );
}

/**
 * One line per party organisation: its tickets, confirmed results, on-time rates and formalism signals, each
 * with numerator and denominator (`第一网格党支部（赵红梅）：工单 3，确认解决 1/2（50%）…`).
 */
export function partyOrgLine(
  name: string,
  contact: string | null,
  r: Rates,
  f: { score: number; tickets: number; signals: Record<SignalName, number> },
): string {
  const signals = (Object.keys(SIGNAL_LABELS) as SignalName[])
    .filter((s) => f.signals[s] > 0)
    .map((s) => `${SIGNAL_LABELS[s]} ${f.signals[s]}`);
  const formalism =
    f.tickets === 0
      ? '形式主义信号 暂无'
      : `形式主义 ${f.score.toFixed(1)} 分（${f.tickets} 件：${signals.join('、') || '无信号'}）`;
  return (
    `· ${name}${contact ? `（${contact}）` : ''}：工单 ${r.received}，确认解决 ${ratioText(r.confirmedResolutionRate)}，` +
    `按时响应 ${ratioText(r.onTimeResponseRate)}，按时办结 ${ratioText(r.onTimeResolutionRate)}，` +
    `超时未办 ${r.openOverdue}，${formalism}`
  );
}

export type FormalismLine = {
  name: string;
  score: number;
  tickets: number;
  signals: Record<SignalName, number>;
};

/** `安居物业 1.5 分（办结 2 件：无现场照片 2、接单即办结 1）`. */
export function formalismLine(row: FormalismLine): string {
  const parts = (Object.keys(SIGNAL_LABELS) as SignalName[])
    .filter((name) => row.signals[name] > 0)
    .map((name) => `${SIGNAL_LABELS[name]} ${row.signals[name]}`);
  return `· ${row.name} ${row.score.toFixed(1)} 分（办结 ${row.tickets} 件：${parts.join('、')}）`;
}

export const statsReplies = {
  dailyDigest: (community: string, period: string, r: Rates, worst: readonly FormalismLine[]) =>
    [
      `【${community}工单日报 ${period}】`,
      `新收 ${r.received} 件，已响应 ${r.accepted} 件，已办结 ${r.resolved} 件，群众确认解决 ${r.confirmed} 件，` +
        `重新打开 ${r.reopened} 件，当前超时未办 ${r.openOverdue} 件。`,
      ratesBlock(r),
      ...(worst.length > 0
        ? ['形式主义风险（加权信号/办结件，越高越需核查）：', ...worst.map(formalismLine)]
        : []),
    ].join('\n'),

  weeklySummary: (room: string, period: string, r: Rates) =>
    `【${room}·本周反映办理情况 ${period}】\n` +
    `本周大家共反映问题 ${r.received} 件，已办结 ${r.resolved} 件，其中经居民确认解决 ${r.confirmed} 件；` +
    `${r.openOverdue > 0 ? `目前有 ${r.openOverdue} 件超过时限尚未办结，社区正在督办。` : '目前没有超时未办的问题。'}\n` +
    '问题办结后请回复「满意」或「不满意」，感谢大家的监督！',

  stats: (
    scope: string,
    period: StatsPeriod,
    range: string,
    r: Rates,
    bodies: readonly string[],
    orgs: readonly string[] = [],
  ) =>
    [
      `【统计·${PERIOD_NAMES[period]} ${range}】${scope}`,
      ratesBlock(r),
      ...(bodies.length > 0 ? ['各单位：', ...bodies] : []),
      ...(orgs.length > 0 ? [PARTY_ORGS_HEADING, ...orgs] : []),
    ].join('\n'),

  statsNoScope: () => '您名下没有负责的网格，暂无可统计的工单。',

  overdueLine: (t: Ticket, overdueMs: number) =>
    `#${t.number} ${categoryName(t.category)} ${placeText(t)} 逾期${hoursText(overdueMs)} ` +
    `${t.assignees.join('、') || '待分派'}`,

  overdueList: (lines: readonly string[], more: number) =>
    [
      `超时工单 ${lines.length + more} 件（逾期最久的在前）：`,
      ...lines,
      ...(more > 0 ? [`……另有 ${more} 件`] : []),
    ].join('\n'),

  overdueNone: () => '您负责的范围内目前没有超时工单。',

  /** 联席: the joint tickets and the stuck ones for the weekly joint meeting. */
  jointMeeting: (period: StatsPeriod, range: string, joint: readonly string[], stuck: readonly string[]) =>
    [
      `【联席会议·${PERIOD_NAMES[period]} ${range}】`,
      joint.length > 0 ? `吹哨联合办理 ${joint.length} 件：` : '吹哨联合办理：无',
      ...joint,
      stuck.length > 0 ? `超时或已督办 ${stuck.length} 件：` : '超时或已督办：无',
      ...stuck,
    ].join('\n'),

  /** `· #3 电梯 3号楼2单元｜办理中｜吹哨已2天｜安居物业（李明、魏经理）｜召集：城管（冯志强，已报到）`. */
  jointLine: (t: Ticket, status: string, calledMs: number, holder: string, called: readonly string[]) =>
    `· #${t.number} ${categoryName(t.category)} ${placeText(t)}｜${status}｜吹哨已${ageText(calledMs)}｜` +
    `${holder}｜召集：${called.join('、')}`,

  /** `· #5 漏水 15号楼｜开单3天｜逾期20小时｜已督办至赵红梅｜区住房和城乡建设局（王芳、蒋工）`. */
  stuckLine: (
    t: Ticket,
    ageMs: number,
    overdueMs: number | null,
    escalatedTo: string | null,
    holder: string,
  ) =>
    `· #${t.number} ${categoryName(t.category)} ${placeText(t)}｜开单${ageText(ageMs)}｜` +
    `${overdueMs !== null ? `逾期${hoursText(overdueMs)}` : '曾超时'}｜` +
    `${escalatedTo ? `已督办至${escalatedTo}｜` : ''}${holder}`,
};

/** An age as the meeting says it: `不到1小时`, `5小时`, `3天` (from 48 hours on). */
export function ageText(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  return hours >= 48 ? `${Math.floor(hours / 24)}天` : hoursText(ms);
}

function hoursText(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  return hours < 1 ? '不到1小时' : `${hours}小时`;
}

/** The heading of the per-party-organisation lines in 统计 and the daily digest. */
export const PARTY_ORGS_HEADING = '各党组织（网格党支部、双报到单位）：';

/** How a breakdown key reads when a ticket had no body, grid or branch. */
export const NO_GROUP_NAME = '未分派';
