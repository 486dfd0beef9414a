import { deadlinePhrase, formatChinaShort } from '../clock/china-time.js';
import { maskPersonalData } from '../privacy/mask.js';
import { EMERGENCY_CHECK_MINUTES } from '../tickets/emergency-check.js';
import type { Ticket } from '../tickets/ticket.js';
import { categoryName, excerpt, placeText } from '../tickets/ticket-text.js';

/** The texts the clock sends: deadline reminders, escalations, the confirmation timeout and 吹哨 deadlines. */

type Deadline = 'respond' | 'resolve';

const DEADLINE_NAMES: Record<Deadline, string> = { respond: '响应', resolve: '办结' };

const summary = (t: Ticket) =>
  `工单 #${t.number}【${categoryName(t.category)}】${placeText(t)}「${excerpt(maskPersonalData(t.text), t.number)}」`;

const nextStep = (t: Ticket, deadline: Deadline) =>
  deadline === 'respond' ? `回复「接单 ${t.number}」受理` : `处理完毕后回复「办结 ${t.number} 处理结果」`;

export const slaReplies = {
  reminder: (t: Ticket, deadline: Deadline, at: Date, now: Date) =>
    `提醒：${summary(t)}请在${deadlinePhrase(at, now)}${DEADLINE_NAMES[deadline]}：${nextStep(t, deadline)}。`,

  overdueNote: (t: Ticket, deadline: Deadline, since: Date) =>
    `工单 #${t.number} 已超过${DEADLINE_NAMES[deadline]}时限（${formatChinaShort(since)}），请尽快${nextStep(t, deadline)}。`,

  escalation: (t: Ticket, deadline: Deadline, since: Date, holders: string) =>
    `【督办】${summary(t)}自 ${formatChinaShort(since)} 起超过${DEADLINE_NAMES[deadline]}时限，` +
    `目前由${holders}负责。请督促办理，发「查询 ${t.number}」可看全过程。`,

  escalationNote: (t: Ticket, deadline: Deadline, person: string, title: string) =>
    `工单 #${t.number} 已超过${DEADLINE_NAMES[deadline]}时限，已报${title}${person}督办，请尽快${nextStep(t, deadline)}。`,

  deadlineResumed: (t: Ticket, resolveBy: Date) =>
    `工单 #${t.number} 已重新办理，等待居民确认的时间不计入时限，办结时限顺延至 ${formatChinaShort(resolveBy)}。`,

  timeoutClosed: (t: Ticket, hours: number) =>
    `您反映的问题（工单 #${t.number}）办结后 ${hours} 小时内未收到您的确认，已关闭并记为「未确认」。` +
    `如问题仍未解决，请直接再次反映。`,

  whistleReminder: (t: Ticket, bodyName: string, reportBy: Date) =>
    `提醒：${bodyName}被吹哨参与${summary(t)}，报到时限 ${formatChinaShort(reportBy)} 已到，请尽快回复「报到 ${t.number}」。`,

  whistleEscalation: (t: Ticket, bodyName: string, liaison: string | null, calledAt: Date) =>
    `【吹哨督办】${summary(t)}：${bodyName}${liaison ? `（${liaison}）` : ''}于 ${formatChinaShort(calledAt)} 被吹哨，` +
    `至今未报到，请协调督促。`,

  /** To the other supervisors when nobody took a possible emergency within the check time. */
  checkUnanswered: (t: Ticket, asked: readonly string[], askedAt: Date) =>
    `【紧急核实】${summary(t)}：${formatChinaShort(askedAt)} 已请${asked.join('、')}核实，` +
    `${EMERGENCY_CHECK_MINUTES} 分钟内无人接单。可能有紧急情况，请立即督促核实，发「查询 ${t.number}」可看全过程。`,
};
