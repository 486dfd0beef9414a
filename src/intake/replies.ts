import { deadlinePhrase, formatChinaShort } from '../clock/china-time.js';
import { maskPersonalData } from '../privacy/mask.js';
import type { Ticket } from '../tickets/ticket.js';
import { categoryName, placeText, publicPlaceText } from '../tickets/ticket-text.js';

/** What the bot says when it reads a message as part of an existing ticket (zh-CN, short and polite). */

/** Residents who reported a ticket: the reporter and every co-reporter. */
const reporterCount = (t: Ticket) => 1 + t.coReporters.length;

/** A resident's words quoted to staff, shortened; personal numbers stay masked outside the ticket itself. */
const quote = (text: string) => {
  const masked = maskPersonalData(text);
  return masked.length > 60 ? `${masked.slice(0, 60)}…` : masked;
};

const handlerOf = (t: Ticket) => (t.assignees.length > 0 ? `网格员${t.assignees[0]}` : '工作人员');

/** An open ticket about the problem, in a sentence: where, what, #N, how many reported it, who follows it. */
const inHand = (t: Ticket) =>
  `${publicPlaceText(t)}的${categoryName(t.category)}问题已在工单 #${t.number} 中办理，已有${reporterCount(t)}位居民反映，` +
  `${handlerOf(t)}正在跟进。`;

export const intakeReplies = {
  /** To the grid party branch secretary: an urgent ticket opened in their grid. */
  branchUrgentNotice: (t: Ticket, branch: string, handler: string) =>
    `【网格急件】工单 #${t.number}【${categoryName(t.category)}】${placeText(t)}「${quote(t.text)}」\n` +
    `由${handler}办理，网格员已收到。请${branch}关注督促，发「查询 ${t.number}」可看全过程。`,
  /** The line a grid worker's new-ticket notice gains when resources of the directory fit the need. */
  resourcesLine: (n: number, matched: readonly { name: string; contact: string }[]) =>
    `\n可对接资源：${matched.map((r) => `${r.name}（${r.contact}）`).join('、')}。详情发「资源 ${n}」，对接发「对接 ${n} 资源名」。`,

  /** To a resident whose report joined an open ticket about the same problem at the same place. */
  joinedTicket: (t: Ticket) => `${inHand(t)}发「进度 ${t.number}」可查看进度。`,

  /**
   * To a resident who asked about a problem that has an open ticket (「几点来电啊？」): the ticket, how many
   * reported it, who follows it and the latest note staff wrote for residents.
   */
  askedKnownProblem: (t: Ticket, note: { at: Date; text: string } | null) =>
    inHand(t) +
    (note
      ? `最新进展（${formatChinaShort(note.at)}）：${quote(note.text).replace(/[。.!！~～\s]+$/u, '')}。`
      : '') +
    `发「进度 ${t.number}」可查看进度。`,

  /** To a resident who asked a question a neighbour's open question ticket already asks. */
  joinedQuestion: (t: Ticket, now: Date) =>
    `同样的问题邻居已经问过，已登记为 #${t.number}，${t.respondBy ? deadlinePhrase(t.respondBy, now) : '尽快'}答复，届时一并告诉您。`,

  /** To a resident whose question a handler answered in the group: did it answer it? */
  answeredInGroup: (t: Ticket) =>
    `您的提问（#${t.number}）已在群里得到答复。已解答请回复「满意」，没有解答请回复「不满意」。`,

  /** To the assignees: one more resident reported their ticket. */
  coReporterNotice: (t: Ticket, who: string, text: string) =>
    `工单 #${t.number} 又有居民反映（${who}：「${quote(text)}」），已有${reporterCount(t)}位居民反映，请优先处理。`,

  /** To the assignees: the reporter added to their request within the aggregation window. */
  supplementNotice: (t: Ticket, who: string, text: string) =>
    `工单 #${t.number} ${who}补充：「${quote(text)}」（更多补充可发「查询 ${t.number}」查看）`,

  /** To the reporter: the same problem came back after closure, so the old ticket was reopened. */
  recurrenceReopened: (t: Ticket) =>
    `${publicPlaceText(t)}的${categoryName(t.category)}问题在工单 #${t.number} 办结后再次出现，已重新打开 #${t.number}，` +
    `${handlerOf(t)}继续跟进。发「进度 ${t.number}」可查看进度。`,

  /** To the assignees: their closed ticket came back. */
  recurrenceNotice: (t: Ticket, who: string, text: string) =>
    `【复发】工单 #${t.number}（${categoryName(t.category)}｜${placeText(t)}）办结后同一问题再次出现，已重新打开。` +
    `${who}反映：「${quote(text)}」请尽快处理。`,

  /** To a reporter who said more about their ticket after its window. */
  supplementRecorded: (t: Ticket) =>
    `已记入工单 #${t.number}，并转告处理人员。发「进度 ${t.number}」可查看进度。`,

  /** To a resident who followed up on their open ticket. */
  followUpPassedOn: (t: Ticket) =>
    `已将您的催办转告处理人员，工单 #${t.number}。发「进度 ${t.number}」可查看进度。`,

  /** To the assignees: a resident is chasing the ticket. */
  followUpNotice: (t: Ticket, who: string, text: string) =>
    `【催办】工单 #${t.number}（${categoryName(t.category)}｜${placeText(t)}）${who}问：「${quote(text)}」请尽快处理并回复进展。`,

  /** To the assignees, in their next routine batch: the reporter said how things stand, asking nothing. */
  residentNoteNotice: (t: Ticket, who: string, text: string) =>
    `工单 #${t.number}（${categoryName(t.category)}｜${placeText(t)}）${who}说：「${quote(text)}」（供参考，无需回复）`,

  /** To a resident chasing a ticket the handler already marked resolved. */
  followUpResolved: (t: Ticket) =>
    `工单 #${t.number} 处理人已报办结。如果问题还没解决，请回复「不满意 ${t.number} 原因」，我们会重新办理。`,

  /** To a resident who followed up privately but has no open ticket. */
  voiceNotRead: () => '抱歉，暂时听不了语音。请用文字说一下是什么问题、在哪栋楼，谢谢！',

  /** To the grid worker: a resident's voice message the bot could not read, for a person to listen to. */
  voiceToListen: (who: string, room: string | null, ref: string) =>
    room
      ? `${who}在「${room}」发了一条语音，我暂时听不了，请到群里听一下并跟进（语音已存档：${ref}）。`
      : `${who}私聊发来一条语音，我暂时听不了，已请其打字说明；请联系了解情况（语音已存档：${ref}）。`,

  staffNotCommand: () =>
    '没有识别出这条命令，未登记为居民反映。发「帮助」查看可用的命令及写法，如「接单 12」「进展 12 已联系维修」。',

  privateHello: (botName: string) =>
    `您好，我是${botName}。遇到问题请直接用文字说明情况和楼栋（如「3号楼电梯坏了」），发「帮助」查看可用的命令。`,

  /** To a resident whose photo was added to their ticket. */
  photoReceived: (t: Ticket) => `照片收到了，已补充到工单 #${t.number}，处理人员可以看到。`,

  /** To the resident who called an emergency off. */
  allClearAck: (t: Ticket) => `收到，平安就好。已告知工作人员核实，工单 #${t.number}。`,

  /** To the alerted staff: the emergency was called off; its escalation waits for them. */
  allClearNotice: (t: Ticket, who: string, text: string) =>
    `【解除】工单 #${t.number}（${categoryName(t.category)}｜${placeText(t)}）${who}说：「${quote(text)}」\n` +
    `催办已暂停。请核实：无事请回复「办结 ${t.number} 核实情况」；如仍需处置，回复「进展 ${t.number} 情况」。`,

  /** To a resident telling of an emergency already reported in another group. */
  emergencyKnown: (t: Ticket, call: { phone: string; use: string }) =>
    `这起险情已有人报告（工单 #${t.number}），工作人员已收到并在处置。身边如有危险请先离开，${call.use}请拨打 ${call.phone}。`,

  /** To the alerted staff: what the group says about an open emergency. */
  emergencyThreadNotice: (t: Ticket, who: string, text: string) =>
    `【现场】工单 #${t.number}（${categoryName(t.category)}｜${placeText(t)}）${who}：「${quote(text)}」`,

  /** An answer from the knowledge base, to the asker. */
  knowledgeAnswer: (title: string, text: string) =>
    `【${title}】${text}\n没答到您问的？回复「转人工」，由工作人员答复您。`,

  /** To a resident who @-mentions the bot with nothing to act on: never silence. */
  mentionHello: (botName: string) =>
    `您好，我是${botName}。小区里的问题请直接说明情况和楼栋（如「3号楼电梯坏了」），我会转给网格员和处理单位；` +
    '办事、电话、时间等问题也可以直接问我。',

  followUpNothingOpen: () => '没有查到您未办结的工单。如有新问题，请直接说明地点和情况。',
};
