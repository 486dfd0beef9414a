import { deadlinePhrase, formatChinaShort } from '../clock/china-time.js';
import type { EventType } from '../tickets/event-types.js';
import { readEngagement } from '../tickets/resource-engagements.js';
import type { Ticket, TicketStatus } from '../tickets/ticket.js';
import { categoryName, excerpt, placeText } from '../tickets/ticket-text.js';
import type { TicketAction } from '../tickets/transitions.js';
import type { CommandName, ParseProblem } from './command.js';
import { COMMAND_SPECS, type CommandArg } from './command-specs.js';

/** The texts of the chat commands (zh-CN, short and polite): help, usage, refusals and confirmations. */

export const STATUS_NAMES: Record<TicketStatus, string> = {
  open: '待接单',
  accepted: '办理中',
  resolved: '已办结',
  closed: '已关闭',
  returned: '已退回',
  merged: '已合并',
  cancelled: '已撤回',
};

const ACTION_NAMES: Record<TicketAction, string> = {
  accept: '接单',
  progress: '更新进展',
  resolve: '办结',
  confirm: '确认满意',
  reject: '提出不满意',
  timeout_close: '超时关闭',
  reopen: '重新办理',
  return: '退回',
  reroute: '改派',
  transfer: '转派',
  merge: '合并',
  withdraw: '撤回',
  cancel: '撤销',
};

const COMMAND_PURPOSES: Record<CommandName, string> = {
  help: '查看可用指令',
  my_tickets: '查看我的工单',
  progress: '查看工单进度',
  supplement: '补充说明情况',
  withdraw: '撤回我反映的工单',
  confirm: '确认问题已解决',
  reject: '问题没解决，可说明理由',
  rate: '给办理打分（1-5）',
  accept: '接单受理',
  update: '更新办理进展',
  resolve: '办结，写明做了什么（可随后发现场照片）',
  transfer: '转派给其他单位，写明理由',
  return: '退回（不属本单位），写明理由',
  whistle: '吹哨，召集单位联合办理',
  report: '吹哨后报到',
  history: '查看工单完整记录',
  overdue: '查看超时工单',
  stats: '查看统计',
  find_building: '查看某栋楼的工单',
  claim: '认领志愿服务工单',
  joint_meeting: '联席会议清单：吹哨工单和超时、督办工单',
  block: '登记卡点（资金、物资、权限、部门、居民、政策），说明原因',
  unblock: '卡点已解决',
  blockers: '查看未解决的卡点',
  my_points: '查看我的积分（只计群众确认解决的工单）',
  ranking: '党员志愿者和党支部积分排行',
  resources: '查看可对接的帮扶资源',
  engage: '对接帮扶资源，并通知其联系人',
  resource_usage: '查看帮扶资源的使用情况',
};

const EXAMPLES: Record<CommandName, string> = {
  help: '帮助',
  my_tickets: '我的工单',
  progress: '进度 12',
  supplement: '补充 12 晚上漏得更厉害',
  withdraw: '撤回 12',
  confirm: '满意 12',
  reject: '不满意 12 还在漏水',
  rate: '评价 12 5',
  accept: '接单 12',
  update: '进展 12 已联系维修队明早上门',
  resolve: '办结 12 已更换水管',
  transfer: '转派 12 城管 属占道经营',
  return: '退回 12 不属于物业管辖',
  whistle: '吹哨 12 城管 住建',
  report: '报到 12',
  history: '查询 12',
  overdue: '超时',
  stats: '统计 本周',
  find_building: '查楼 3',
  claim: '认领 12',
  joint_meeting: '联席 本周',
  block: '卡点 12 资金 维修基金还在审批',
  unblock: '解除卡点 12 基金已批',
  blockers: '卡点清单',
  my_points: '我的积分',
  ranking: '排行 本月',
  resources: '资源 12',
  engage: '对接 12 水电维修志愿队',
  resource_usage: '资源统计 本月',
};

const ARG_WORDS: Record<CommandArg['name'], string> = {
  ticket: 'N',
  text: '内容',
  reason: '理由',
  body: '单位',
  bodies: '单位…',
  score: '1-5',
  period: '今天|本周|本月',
  building: '楼号',
  resource: '资源名',
};

const PROBLEMS: Record<ParseProblem, string> = {
  missing_ticket: '请写上工单号',
  bad_ticket: '工单号不对',
  missing_text: '请写上内容',
  missing_reason: '请写明理由',
  bad_rating: '评分请用 1 到 5',
  missing_body: '请写上单位',
  unknown_body: '没有这个单位',
  bad_period: '统计时段可写今天、本周或本月',
  missing_building: '请写上楼号',
  bad_building: '楼号不对',
  unexpected_text: '指令格式不对',
  missing_blocker_reason: '原因请写资金、物资、权限、部门、居民或政策',
  missing_resource: '请写上资源名称',
};

/** How a command is written, from its spec: `办结 N 内容`, `满意 [N]`. */
export function usage(name: CommandName): string {
  const spec = COMMAND_SPECS[name];
  const args = spec.args.map((a) => (a.optional ? `[${ARG_WORDS[a.name]}]` : ARG_WORDS[a.name]));
  return [spec.verb, ...args].join(' ');
}

const usageLine = (name: CommandName) => `${usage(name)} — ${COMMAND_PURPOSES[name]}`;

/** Where a step came from, as a resident may see it: staff by name, residents not at all. */
export type StepView = { at: Date; actor: string | null; type: string; detail: string };

/** Every event of a ticket in words a resident or a grid worker uses. */
const STEP_NAMES: Record<EventType, string> = {
  ...ACTION_NAMES,
  created: '已登记',
  supplemented: '补充了情况',
  evidence_added: '上传了照片',
  co_reporter_added: '其他居民也反映了此问题',
  follow_up: '居民催办',
  resident_note: '反映人说明情况',
  staff_replied: '在群里回复了反映人',
  staff_update: '在群里通报了进展',
  confirmation_requested: '已请反映人确认',
  rated: '反映人已评价',
  reminded: '已提醒办理时限',
  overdue: '已超时',
  escalated: '已上报督办',
  whistle_called: '已吹哨召集相关单位',
  whistle_reported: '相关单位已报到',
  whistle_overdue: '催促相关单位报到',
  recurrence: '问题再次出现',
  rating_pressure: '有人要求居民给好评（已记录）',
  deadline_extended: '等待确认的时间不计入，办结时限顺延',
  claimed: '党员志愿者认领',
  all_clear: '报告险情解除，待工作人员核实',
  emergency_check: '可能有紧急情况，已请网格员和值班领导立即核实',
  check_unanswered: '无人及时核实，已报其他领导',
  emergency_info: '现场有人补充情况',
  blocked: '登记卡点',
  unblocked: '卡点已解除',
  volunteer_offered: '已邀请党员志愿者认领',
  resource_engaged: '已对接帮扶资源',
};

/** Events whose detail is what a person wrote (a note, a reason, a report); the rest are the bot's own marks. */
const WRITTEN_DETAIL: ReadonlySet<string> = new Set([
  'supplemented',
  'progress',
  'resolve',
  'return',
  'transfer',
  'reroute',
  'reject',
  'co_reporter_added',
  'follow_up',
  'resident_note',
  'staff_replied',
  'staff_update',
  'rating_pressure',
  'all_clear',
  'emergency_info',
]);

/**
 * A step of a ticket in words with the time of day: written notes are shown when `showDetail` (staff notes to
 * residents, everything to staff), the bot's own marks never (no internal names, no ISO times).
 */
export function stepText(step: StepView, showDetail: boolean): string {
  const engaged = readEngagement(step);
  const name = `${STEP_NAMES[step.type as EventType] ?? '处理记录'}${engaged ? `：${engaged.resource}` : ''}`;
  const who = step.actor && step.actor !== 'system' && step.actor !== 'bot' ? `${step.actor} ` : '';
  const detail =
    showDetail && step.detail && WRITTEN_DETAIL.has(step.type)
      ? `：${step.detail}`
      : showDetail && step.type === 'rated' && /^\d$/.test(step.detail)
        ? `（${step.detail} 分）`
        : '';
  return `${formatChinaShort(step.at)} ${who}${name}${detail}`;
}

const line = (t: Ticket) =>
  `#${t.number} ${categoryName(t.category)}｜${placeText(t)}｜${STATUS_NAMES[t.status]}`;

export const commandReplies = {
  help: (names: readonly CommandName[], staff: boolean) =>
    `${staff ? '您可用的工作指令' : '您可用的指令'}（工单号写 12 或 #12 均可）：\n` +
    `${names.map(usageLine).join('\n')}`,

  malformed: (name: CommandName, problem: ParseProblem, detail?: string) =>
    `${problem === 'unknown_body' && detail ? `没有「${detail}」这个单位` : PROBLEMS[problem]}。` +
    `格式：${usage(name)}，例如「${EXAMPLES[name]}」。发「帮助」查看全部指令。`,

  notFound: (n: number) => `没有找到工单 #${n}，请核对工单号。`,
  illegal: (t: Pick<Ticket, 'number' | 'status'>, action: TicketAction) =>
    `工单 #${t.number} 当前状态为${STATUS_NAMES[t.status]}，不能${ACTION_NAMES[action]}。`,
  /** The same refusal in words for a command that is not a status-machine action (吹哨, 报到, 认领). */
  illegalCommand: (t: Pick<Ticket, 'number' | 'status'>, name: CommandName) =>
    `工单 #${t.number} 当前状态为${STATUS_NAMES[t.status]}，不能${COMMAND_SPECS[name].verb}。`,
  conflict: (n: number) => `工单 #${n} 的状态刚刚有变化，请发「进度 ${n}」查看后再试。`,
  notForRole: (name: CommandName) =>
    `抱歉，「${COMMAND_SPECS[name].verb}」是工作人员的指令，您暂时不能使用。发「帮助」查看您可用的指令。`,
  /** To a staff member whose name another account used to give the bot an order. */
  impostorAlert: (name: string, order: string) =>
    `提醒：有一个不是您本人的微信账号用「${name}」的名字向社区哨子发了「${order}」，已拒绝执行。如有疑问请联系社区。`,
  refused: (n: number, why: string) => `抱歉，您不能操作工单 #${n}：${why}。`,

  myTicketsEmpty: (staff: boolean) => (staff ? '您目前没有待办工单。' : '您还没有反映过问题。'),
  myTickets: (tickets: readonly Ticket[], staff: boolean) =>
    `${staff ? '您的待办工单' : '您反映的问题'}（${tickets.length}）：\n${tickets.map(line).join('\n')}`,
  /** A branch secretary's view of their grid's tickets still in hand; `holder` names who works each. */
  gridTickets: (grids: string, rows: readonly { t: Ticket; holder: string; late: boolean }[], more: number) =>
    `${grids}在办工单（${rows.length + more}）：\n` +
    rows
      .map(({ t, holder, late }) => `${line(t)}｜${holder}${late ? '｜已超时' : ''}`)
      .concat(more > 0 ? [`……另有 ${more} 件`] : [])
      .join('\n'),
  returnedToDispatch: (tickets: readonly Ticket[]) =>
    `\n待改派（已退回）：\n${tickets.map(line).join('\n')}\n改派请发「转派 N 单位 理由」。`,

  progress: (t: Ticket, handler: string, steps: readonly string[]) =>
    `工单 #${t.number}【${categoryName(t.category)}】${placeText(t)}\n状态：${STATUS_NAMES[t.status]}｜办理：${handler}` +
    `${t.resolveBy && (t.status === 'open' || t.status === 'accepted') ? `｜${deadlinePhrase(t.resolveBy)}办结` : ''}` +
    `${steps.length > 0 ? `\n最近进展：\n${steps.join('\n')}` : ''}`,
  history: (t: Ticket, text: string, steps: readonly string[]) =>
    `工单 #${t.number} 完整记录【${categoryName(t.category)}｜${STATUS_NAMES[t.status]}】${placeText(t)}\n` +
    `「${text}」反映人：${t.reporter}${t.coReporters.length > 0 ? `（另有 ${t.coReporters.join('、')}）` : ''}\n` +
    `办理：${t.assignees.join('、')}${t.reopenCount > 0 ? `｜重办 ${t.reopenCount} 次` : ''}\n${steps.join('\n')}`,
  building: (building: number, tickets: readonly Ticket[]) =>
    tickets.length === 0
      ? `${building}号楼暂无工单。`
      : `${building}号楼的工单（${tickets.length}）：\n${tickets.map(line).join('\n')}`,
};

/** Confirmations to the sender and notices to the others a command concerns. */
export const workReplies = {
  supplemented: (n: number) => `已将补充内容记入工单 #${n}，并转告办理人员。`,
  supplementNotice: (t: Ticket, who: string, text: string) =>
    `工单 #${t.number}（${placeText(t)}）${who}补充：「${text}」`,
  withdrawn: (n: number) => `工单 #${n} 已撤回。如问题仍在，可随时再反映。`,
  withdrawNotice: (t: Ticket) => `工单 #${t.number}（${placeText(t)}）已由反映人撤回，无需再办理。`,

  confirmed: (n: number) => `感谢确认，工单 #${n} 已关闭。欢迎为办理打分：发「评价 ${n} 5」（1 到 5 分）。`,
  confirmNotice: (t: Ticket) => `工单 #${t.number}（${placeText(t)}）反映人已确认满意，工单关闭。`,
  rejected: (n: number) => `收到，工单 #${n} 已退回重新办理，我们会督促尽快解决。`,
  rejectNotice: (t: Ticket, reason: string | null) =>
    `工单 #${t.number}（${placeText(t)}）反映人不满意${reason ? `：「${reason}」` : ''}，已重新打开（第 ${t.reopenCount} 次），请继续办理。`,
  noneAwaiting: () => '目前没有等待您确认的工单。',
  whichAwaiting: (numbers: readonly number[], verb: string) =>
    `您有 ${numbers.length} 个工单待确认（${numbers.map((n) => `#${n}`).join('、')}），请写明工单号，例如「${verb} ${numbers[0]}」。`,
  rated: (n: number, score: number) => `感谢您为工单 #${n} 评 ${score} 分！`,

  accepted: (n: number) => `已接单：工单 #${n}。办理中可发「进展 ${n} 内容」，办完发「办结 ${n} 做了什么」。`,
  acceptedNotice: (t: Ticket, who: string) => `您反映的工单 #${t.number} 已由${who}接单办理。`,
  updated: (n: number) => `已记录工单 #${n} 的进展，并告知反映人。`,
  updateNotice: (t: Ticket, text: string) => `工单 #${t.number} 最新进展：${text}`,
  resolveTooShort: (n: number, min: number) =>
    `办结需写明做了什么（至少 ${min} 个字），例如「办结 ${n} 已更换水管，恢复供水」。`,
  resolved: (n: number) =>
    `工单 #${n} 已办结，已请反映人确认。现场照片可在 1 分钟内直接发给我，作为办结佐证。`,
  confirmationRequest: (t: Ticket, text: string) =>
    t.intent === 'inquiry'
      ? `关于您的提问（#${t.number}），答复如下：${text}。已解答请回复「满意」，没有解答请回复「不满意」。`
      : `工单 #${t.number} 已办结：${text}。请回复「满意」或「不满意」（也可回复 1 或 2）。`,
  answered: (n: number) => `已将答复转告提问人（#${n}），请其确认。`,
  photoAttached: (n: number) => `照片已作为工单 #${n} 的办结佐证。`,

  transferred: (n: number, bodyName: string) => `工单 #${n} 已转派给${bodyName}。`,
  transferNotice: (t: Ticket, bodyName: string, from: string, reason: string) =>
    `转派工单 #${t.number}【${categoryName(t.category)}】${placeText(t)}\n「${excerpt(t.text, t.number)}」\n` +
    `由${from}转来${bodyName}办理，理由：${reason}\n请回复「接单 ${t.number}」受理。`,
  transferReporterNotice: (t: Ticket, bodyName: string) =>
    `您反映的工单 #${t.number} 已转由${bodyName}办理。`,
  returned: (n: number) => `工单 #${n} 已退回，网格员和调度人员会重新派单。`,
  returnNotice: (t: Ticket, who: string, reason: string) =>
    `工单 #${t.number}【${categoryName(t.category)}】${placeText(t)} 被${who}退回，理由：${reason}\n` +
    `请改派：「转派 ${t.number} 单位 理由」。`,

  whistled: (n: number, names: readonly string[], orgs: readonly string[] = []) =>
    `工单 #${n} 已吹哨，已通知：${names.join('、')}${orgs.length > 0 ? `；党组织：${orgs.join('、')}` : ''}。`,
  whistleNotice: (t: Ticket, caller: string, bodyName: string, by: Date) =>
    `【吹哨】工单 #${t.number}【${categoryName(t.category)}】${placeText(t)}\n「${excerpt(t.text, t.number)}」\n` +
    `${caller}召集${bodyName}联合办理，请于 ${formatChinaShort(by)} 前回复「报到 ${t.number}」。`,
  /** Added to a liaison's 吹哨 notice when they also stand in for their body's paired party organisation. */
  whistlePartyLine: (org: string) => `\n请同时转告${org}（双报到单位），组织党员配合办理。`,
  /** To a paired party organisation's contact, or to the grid party branch secretary. */
  whistlePartyNotice: (t: Ticket, caller: string, org: string, bodyName: string | null) =>
    `【吹哨·党建联动】${org}：工单 #${t.number}【${categoryName(t.category)}】${placeText(t)}` +
    `「${excerpt(t.text, t.number)}」\n${caller}已吹哨召集${bodyName ?? '相关单位'}联合办理，请组织党员配合。`,
  alreadyCalled: (n: number) => `这些单位已在工单 #${n} 的联合办理中，无需重复吹哨。`,
  reported: (n: number) => `已报到：工单 #${n}。请与网格员联系，共同办理。`,
  reportNotice: (t: Ticket, bodyName: string, who: string) =>
    `工单 #${t.number}：${bodyName}（${who}）已报到。`,

  claimed: (n: number) => `您已认领工单 #${n}，感谢参与志愿服务！办完可发「进展 ${n} 内容」。`,
  claimNotice: (t: Ticket, who: string) => `工单 #${t.number}（${placeText(t)}）已由党员${who}认领协助。`,
};

/** Why a person may not act on a ticket, in words for a refusal. */
export const refusalReasons = {
  notReporter: '只有反映人可以这样做',
  notReporterOrCo: '只有反映人和共同反映人可以确认',
  notHandler: '您不是该工单的办理人',
  notVisible: '您不是该工单的反映人，也不在反映该问题的群里',
  notInScope: '该工单不在您负责的范围内',
  notDispatcher: '已退回的工单由调度人员或督办领导改派',
  notWhistler: '只有本网格的网格员或督办领导可以吹哨',
  notCalled: '您的单位没有被召集到该工单',
  alreadyReported: '您已报到过了',
  alreadyRated: '该工单已评价过',
  notRatable: '工单办结后才能评价',
  notClaimable: '该工单不适合志愿者认领',
  alreadyClaimed: '您已在办理该工单',
  sameBody: '工单已由该单位办理',
  noLiaison: '该单位在这里没有联络人，无法转派',
  finished: '工单已结束',
};
