import type { StatsPeriod } from './period.js';
import { type BranchResult, type MemberResult, POINTS } from './points.js';
import { PERIOD_NAMES } from './replies.js';

/** The points texts (zh-CN, short): every figure with what it counts. */
export const pointsReplies = {
  mine: (period: StatsPeriod, range: string, r: MemberResult, total: number) =>
    [
      `【我的积分·${PERIOD_NAMES[period]} ${range}】${r.points} 分：群众确认解决 ${r.confirmed} 件／认领 ${r.claimed} 件` +
        (r.tickets.length > 0 ? `（${r.tickets.map((n) => `#${n}`).join('、')}）` : ''),
      `累计 ${total} 分。积分只来自群众确认解决的工单：每件 ${POINTS.confirmed} 分，加急件加 ${POINTS.urgent} 分，` +
        `认领时已超时的加 ${POINTS.overdueWhenClaimed} 分；认领、不满意或问题复发不计分。`,
    ].join('\n'),
  ranking: (
    period: StatsPeriod,
    range: string,
    members: readonly MemberResult[],
    branches: readonly BranchResult[],
  ) =>
    [
      `【积分排行·${PERIOD_NAMES[period]} ${range}】（分数：群众确认解决／认领）`,
      '党员志愿者：',
      ...(members.length > 0
        ? members.map(
            (m, i) =>
              `${i + 1}. ${m.name}${m.branch ? `（${m.branch}）` : ''} ${m.points} 分：${m.confirmed}／${m.claimed}`,
          )
        : ['暂无']),
      '党支部：',
      ...(branches.length > 0
        ? branches.map(
            (b, i) => `${i + 1}. ${b.branch} ${b.points} 分：${b.confirmed}／${b.claimed}（${b.members} 人）`,
          )
        : ['暂无']),
    ].join('\n'),
  branchMonth: (branch: string, range: string, members: readonly MemberResult[]) =>
    [
      `【${branch}·党员志愿服务月报 ${range}】`,
      ...(members.length > 0
        ? members.map(
            (m) =>
              `${m.name}：${m.points} 分，群众确认解决 ${m.confirmed} 件／认领 ${m.claimed} 件` +
              (m.tickets.length > 0 ? `（${m.tickets.map((n) => `#${n}`).join('、')}）` : ''),
          )
        : ['本支部暂无登记的党员志愿者。']),
      '积分只计群众确认解决的工单。',
    ].join('\n'),
};
