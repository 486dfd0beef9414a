import { saysAllClear } from '../classify/local/all-clear.js';
import { namedBuildings } from '../classify/local/location.js';
import { namedCompound } from '../classify/local/place.js';
import type { Directory } from '../directory/directory.js';
import type { Classification } from '../labels/classification.js';
import { maskPersonalData } from '../privacy/mask.js';
import { isAllClear } from '../tickets/all-clear-state.js';
import { openedAsCheck } from '../tickets/emergency-check.js';
import { isReporterOrCo } from '../tickets/reporters.js';
import type { Ticket } from '../tickets/ticket.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';
import { emergencyPhone } from './emergency-phone.js';
import { OPEN_STATUSES } from './related-tickets.js';
import { intakeReplies } from './replies.js';
import { answer, asEmergency, notice } from './reply-to.js';
import { OUTCOMES } from './request-window.js';
import { changeAndSettle, type SettleResult, type TicketChangeDeps } from './settle-on-ticket.js';
import { joinTexts } from './supplement-ticket.js';

/** How long after an emergency report the group's talk about danger is read as about that emergency. */
const THREAD_MS = 60 * 60_000;
/** How long after it an all-clear from the reporter or staff still refers to it. */
const ALL_CLEAR_MS = 24 * 3600_000;

export type EmergencyThreadDeps = TicketChangeDeps & {
  tickets: TicketChangeDeps['tickets'] & Pick<TicketStore, 'recentTickets' | 'events'>;
  directory: Directory;
};

/** The open emergencies reported in this group within the all-clear span, the latest first. */
export async function openEmergenciesIn(
  deps: EmergencyThreadDeps,
  message: SeenMessage,
  limit = 10,
): Promise<Ticket[]> {
  if (message.roomId === null && message.room === null) {
    return [];
  }
  return deps.tickets.recentTickets({
    statuses: OPEN_STATUSES,
    createdFrom: new Date(deps.clock.now().getTime() - ALL_CLEAR_MS),
    intent: 'emergency',
    sameRoomAs: { roomId: message.roomId, room: message.room },
    limit,
  });
}

/** The latest open emergency reported in this group within the all-clear span. */
export async function openEmergencyIn(
  deps: EmergencyThreadDeps,
  message: SeenMessage,
): Promise<Ticket | undefined> {
  const [latest] = await openEmergenciesIn(deps, message, 1);
  return latest;
}

/** The emergencies reported in the community within THREAD_MS that are still open (a bound far above any hour). */
export function recentOpenEmergencies(deps: EmergencyThreadDeps): Promise<Ticket[]> {
  return deps.tickets.recentTickets({
    statuses: OPEN_STATUSES,
    createdFrom: new Date(deps.clock.now().getTime() - THREAD_MS),
    intent: 'emergency',
    limit: 100,
  });
}

/**
 * The same emergency told in another group soon after it was reported (「锦苑车棚那边着火了 好大的烟」):
 * an open emergency of the same kind in the community within THREAD_MS, when the message names no other
 * building or compound. Joining it tells the responders once instead of raising a second alarm.
 */
export function sameEmergencyElsewhere(
  deps: Pick<EmergencyThreadDeps, 'directory'>,
  message: SeenMessage,
  read: { c: Classification; text: string },
  open: readonly Ticket[],
): Ticket | undefined {
  const { c, text } = read;
  if (c.intent !== 'emergency' && !c.emergency_check) {
    return undefined;
  }
  const named = namedCompound(text, deps.directory)?.name ?? null;
  const samePlace = (t: Ticket) =>
    c.location.building !== null
      ? c.location.building === t.location.building
      : named === null || named === t.location.compound;
  return open
    .filter((t) => !sameRoom(t, message) && t.category === c.category)
    .filter(samePlace)
    .sort((a, b) => b.number - a.number)[0];
}

const sameRoom = (t: Ticket, m: SeenMessage) =>
  t.roomId !== null && m.roomId !== null ? t.roomId === m.roomId : t.room === m.room;

/** Whether the sender may call this emergency off: its reporter, a co-reporter or staff. */
export function mayCallOff(directory: Directory, t: Ticket, message: SeenMessage): boolean {
  return (
    isReporterOrCo(t, { id: message.senderId, name: message.sender }) ||
    directory.isStaff(message.sender, message.senderId)
  );
}

/**
 * An all-clear (演习、虚惊一场、火已经灭了、人找到了、出来了, as the all-clear model reads a line) from the
 * reporter or staff: recorded on the ticket as
 * `all_clear`, the alerted staff told at once, and the ticket's reminders and escalation wait until a staff
 * member resolves it (办结) or work goes on (进展). Once it stands called off, a further all-clear is
 * recorded and passed to the handlers in their next batch only. Returns undefined when the message is no
 * all-clear.
 */
export async function readAllClear(
  deps: EmergencyThreadDeps,
  message: SeenMessage,
  text: string,
  t: Ticket,
): Promise<SettleResult | undefined> {
  if (!mayCallOff(deps.directory, t, message) || !saysAllClear(text)) {
    return undefined;
  }
  const event = {
    at: deps.clock.now(),
    actor: message.sender,
    type: 'all_clear',
    detail: maskPersonalData(text),
  };
  const base = { intent: OUTCOMES.allClear, event, patch: {}, expectStatus: OPEN_STATUSES };
  if (isAllClear(await deps.tickets.events(t.number))) {
    // called off already: the alerted heard it; more of the same (「人还清醒」「女儿到医院了」) is for the
    // handlers' next batch, not another alarm to every supervisor
    const handlers = t.assignees.filter((name) => name !== message.sender);
    return changeAndSettle(deps, message, t.number, {
      ...base,
      outbox: handlers.map((name) =>
        notice(name, intakeReplies.emergencyThreadNotice(t, message.sender, text)),
      ),
    });
  }
  const alerted = [...new Set([...t.assignees, ...deps.directory.supervisors()])].filter(
    (name) => name !== message.sender,
  );
  return changeAndSettle(deps, message, t.number, {
    ...base,
    outbox: [
      ...(deps.directory.isStaff(message.sender, message.senderId)
        ? []
        : [answer(message, intakeReplies.allClearAck(t))]),
      ...alerted.map((name) =>
        asEmergency(notice(name, intakeReplies.allClearNotice(t, message.sender, text))),
      ),
    ],
  });
}

/**
 * An all-clear of an emergency check (a possible emergency the model was not sure of) in this group, from its
 * reporter, a co-reporter or staff (「没事了 是邻居在熏腊肉」「老爷子在菜市场呢 虚惊」): read like an
 * emergency's, so the check's alerts to the other supervisors wait as an emergency's escalation does. Only a
 * line the all-clear model reads as one is looked at, so other talk costs no query.
 */
export async function readCheckAllClear(
  deps: EmergencyThreadDeps,
  message: SeenMessage,
  text: string,
): Promise<SettleResult | undefined> {
  if ((message.roomId === null && message.room === null) || !saysAllClear(text)) {
    return undefined;
  }
  // an emergency check opens as an urgent grievance with an `emergency_check` event
  const recent = await deps.tickets.recentTickets({
    statuses: OPEN_STATUSES,
    createdFrom: new Date(deps.clock.now().getTime() - ALL_CLEAR_MS),
    intent: 'grievance',
    sameRoomAs: { roomId: message.roomId, room: message.room },
    limit: 20,
  });
  for (const t of recent) {
    if (
      t.urgency === 'urgent' &&
      mayCallOff(deps.directory, t, message) &&
      (await openedAsCheck(deps.tickets, t.number))
    ) {
      return readAllClear(deps, message, text, t);
    }
  }
  return undefined;
}

/**
 * The services that answer an emergency, by number or name (「我已经打119了」「我给燃气公司打电话了」): a line
 * naming one while an emergency is open is about it, whatever the model makes of the rest of the words.
 */
const RESPONDERS = /11[09]|120|消防|救护车|急救|燃气公司|煤气公司|96777|供电|电力公司|95598/;

/**
 * Talk about the danger soon after an emergency in the same group (「我已经打119了，千万别坐电梯」,
 * 「我也闻到烟味了」) is about that emergency: it joins the ticket as information for the responders and
 * the alerted staff hear it, instead of opening a ticket of its own.
 */
export function isAboutEmergency(c: Classification, text: string, t: Ticket, now: Date): boolean {
  if (now.getTime() - t.createdAt.getTime() > THREAD_MS) {
    return false;
  }
  const building = c.location.building;
  const danger = c.intent === 'emergency' || c.emergency_check;
  // the scene is every building the emergency's report and thread name (「9号楼和10号楼中间那个电箱」)
  const scene = new Set([t.location.building, ...namedBuildings(t.text)]);
  if (danger && building !== null && !scene.has(building)) {
    // a danger told at another building than the emergency's, or of another kind at a building when the
    // emergency has none (a gas leak in 16号楼 soon after smoke by the bike shed), is another emergency:
    // it gets its own answer and responders instead of disappearing into the first one's thread
    if (t.location.building !== null || c.category !== t.category) {
      return false;
    }
  }
  if (danger || RESPONDERS.test(text)) {
    return true;
  }
  // a request about the same danger (same category at the scene or at no named building, or the same
  // building named) is about it; the same kind of request at another building (「21号楼也停电了」 while a
  // fallen wire sparks at 18号楼) is its own, and other requests and chatter in the group go on as they are
  const atScene = building === null || scene.has(building);
  return (
    c.intent === 'grievance' && ((c.category === t.category && atScene) || building === t.location.building)
  );
}

export async function joinEmergency(
  deps: EmergencyThreadDeps,
  message: SeenMessage,
  read: { c: Classification; text: string },
  t: Ticket,
  options: { fromElsewhere?: boolean } = {},
): Promise<SettleResult> {
  const { c, text } = read;
  // the handlers get the scene at once; the supervisors, alerted when it was reported, in their next batch
  const watching = deps.directory.supervisors().filter((name) => !t.assignees.includes(name));
  return changeAndSettle(deps, message, t.number, {
    intent: OUTCOMES.emergencyThread,
    event: {
      at: deps.clock.now(),
      actor: message.sender,
      // a sure emergency is the danger itself (it lifts an all-clear); the rest is information around it
      type: c.intent === 'emergency' ? 'supplemented' : 'emergency_info',
      detail: maskPersonalData(text),
    },
    patch: { text: joinTexts(t.text, `${message.sender}：${text}`) },
    expectStatus: OPEN_STATUSES,
    outbox: [
      // in another group the resident learns it is known and being handled, and what to do if in danger
      ...(options.fromElsewhere
        ? [answer(message, intakeReplies.emergencyKnown(t, emergencyPhone(t.category, t.text)))]
        : []),
      ...t.assignees.map((name) =>
        asEmergency(notice(name, intakeReplies.emergencyThreadNotice(t, message.sender, text))),
      ),
      ...watching.map((name) => notice(name, intakeReplies.emergencyThreadNotice(t, message.sender, text))),
    ],
  });
}
