import type { Directory } from '../directory/directory.js';
import type { Classification } from '../labels/classification.js';
import { maskPersonalData } from '../privacy/mask.js';
import type { Ticket, TicketLocation, TicketStatus } from '../tickets/ticket.js';
import type { SeenMessage } from '../tickets/ticket-store.js';
import { intakeReplies } from './replies.js';
import { answer, ticketNotice } from './reply-to.js';
import { OUTCOMES } from './request-window.js';
import { changeAndSettle, type SettleResult, type TicketChangeDeps } from './settle-on-ticket.js';

/** A ticket still takes additions from its reporter until it is closed. */
const ADDABLE: readonly TicketStatus[] = ['open', 'accepted', 'returned', 'resolved'];

/** Joins two pieces of one request, with a comma unless the first already ends a sentence. */
export function joinTexts(first: string, second: string): string {
  return /[，。！？!?,.;；…~～\s]$/.test(first) ? `${first}${second}` : `${first}，${second}`;
}

/**
 * Adds a message of the same request (within the aggregation window) to the ticket: its text is appended,
 * a missing building (or unit, room) is filled in when it stays in the ticket's grid, the event is
 * `supplemented`, and the assignees get a short private note (one per burst: `notify` is false for a sender
 * adding again right after their last addition; 查询 N shows it all). No group reply within the window: the
 * resident has one; `reply` answers a supplement that came later (「而且一路上咔咔响」 an hour after the report).
 */
export async function supplementTicket(
  deps: TicketChangeDeps & { directory: Pick<Directory, 'gridOfBuilding' | 'compoundOfBuilding'> },
  message: SeenMessage,
  t: Ticket,
  c: Classification | null,
  options: { notify: boolean; reply?: boolean } = { notify: true },
): Promise<SettleResult> {
  const location = c ? filledLocation(deps.directory, t, c) : undefined;
  return changeAndSettle(deps, message, t.number, {
    intent: OUTCOMES.supplemented,
    event: {
      at: deps.clock.now(),
      actor: message.sender,
      type: 'supplemented',
      detail: maskPersonalData(message.text),
    },
    patch: { text: joinTexts(t.text, message.text), ...(location ? { location } : {}) },
    expectStatus: ADDABLE,
    outbox: [
      ...(options.reply ? [answer(message, intakeReplies.supplementRecorded(t))] : []),
      ...(options.notify ? t.assignees : []).map((name) =>
        ticketNotice(t, name, intakeReplies.supplementNotice(t, message.sender, message.text)),
      ),
    ],
  });
}

/** A photo the reporter sent within the window after their request: evidence on the ticket, acknowledged once. */
export async function attachPhoto(
  deps: TicketChangeDeps,
  message: SeenMessage,
  t: Ticket,
): Promise<SettleResult> {
  const at = deps.clock.now();
  return changeAndSettle(deps, message, t.number, {
    intent: OUTCOMES.evidence,
    event: { at, actor: message.sender, type: 'evidence_added', detail: `photo ${message.text}` },
    patch: { evidence: [...t.evidence, { kind: 'photo', ref: message.text, at, by: message.sender }] },
    expectStatus: ADDABLE,
    // the first photo is acknowledged where it was sent; a series of photos gets one answer
    outbox: t.evidence.some((e) => e.kind === 'photo' && e.by === message.sender)
      ? []
      : [answer(message, intakeReplies.photoReceived(t))],
  });
}

/** The ticket's location with what the supplement adds, when it adds something consistent with its routing. */
function filledLocation(
  directory: Pick<Directory, 'gridOfBuilding' | 'compoundOfBuilding'>,
  t: Ticket,
  c: Classification,
): TicketLocation | undefined {
  const { building, unit, room } = c.location;
  if (building === null) {
    // 「在2单元」 after 「3号楼电梯又坏了」: the unit or room of the building already named
    return t.location.building !== null && (unit !== null || room !== null)
      ? { ...t.location, unit: t.location.unit ?? unit, room: t.location.room ?? room }
      : undefined;
  }
  if (t.location.building === null) {
    // the building may only be filled in where it does not change who handles the ticket
    if (directory.gridOfBuilding(building)?.name !== t.grid) {
      return undefined;
    }
    const compound = directory.compoundOfBuilding(building)?.name ?? t.location.compound;
    return { compound, building, unit, room, landmark: null };
  }
  if (t.location.building !== building || (t.location.unit !== null && t.location.room !== null)) {
    return undefined;
  }
  return { ...t.location, unit: t.location.unit ?? unit, room: t.location.room ?? room };
}
