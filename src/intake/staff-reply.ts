import type { Directory } from '../directory/directory.js';
import { maskPersonalData } from '../privacy/mask.js';
import { openedAsCheck } from '../tickets/emergency-check.js';
import type { Ticket } from '../tickets/ticket.js';
import { handles } from '../tickets/ticket-roles.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';
import type { IntakeSettings } from './intake-settings.js';
import { parseQuote } from './quote.js';
import { findAddressedTicket, findQuotedTicket, OPEN_STATUSES } from './related-tickets.js';
import { OUTCOMES } from './request-window.js';
import { changeAndSettle, type SettleResult, type TicketChangeDeps } from './settle-on-ticket.js';

export type StaffReplyDeps = TicketChangeDeps & {
  tickets: TicketChangeDeps['tickets'] & Pick<TicketStore, 'recentTickets' | 'recentMessages' | 'events'>;
  directory: Directory;
  settings: Pick<IntakeSettings, 'mergeWindowH'>;
};

/**
 * A staff member's line in a residents' group that answers a resident with an open ticket there: an @ of the
 * reporter or a co-reporter (「@王阿姨 收到，师傅十点前上门」), or a quote of the report. It is recorded on the
 * ticket (`staff_replied`, shown in 查询). From someone who works the ticket (assignee, the grid's worker,
 * the body's liaison, a supervisor) it is the ticket's response when none came before: the resident was
 * answered where they asked, so the response deadline stops and no reminder or 督办 says otherwise (not for
 * an emergency or an emergency check, which wait for 接单). It does not accept or resolve the ticket: that
 * still takes 接单 and 办结 with evidence. Nothing is sent: the resident has read the answer in the group.
 * `undefined` when the line answers no open ticket (findAddressedTicket: the resident's last words).
 */
export async function readStaffReply(
  deps: StaffReplyDeps,
  message: SeenMessage,
): Promise<SettleResult | undefined> {
  const t = await addressedTicket(deps, message);
  if (!t) {
    return undefined;
  }
  const now = deps.clock.now();
  const responds =
    t.respondedAt === null &&
    handles(deps.directory.person(message.sender, message.senderId), t) &&
    !(await asksForTaking(deps, t));
  return changeAndSettle(deps, message, t.number, {
    intent: OUTCOMES.staffReply,
    event: { at: now, actor: message.sender, type: 'staff_replied', detail: maskPersonalData(message.text) },
    patch: responds ? { respondedAt: now } : {},
    expectStatus: OPEN_STATUSES,
    outbox: [],
  });
}

/**
 * An emergency, or a possible one asked to be checked: staff are asked to take it (接单) and the ladder
 * presses until someone does, so words in the group, however close to the danger, do not stop its clock.
 */
async function asksForTaking(deps: StaffReplyDeps, t: Ticket): Promise<boolean> {
  if (t.urgency === 'emergency' || t.intent === 'emergency') {
    return true;
  }
  return openedAsCheck(deps.tickets, t.number);
}

async function addressedTicket(deps: StaffReplyDeps, message: SeenMessage): Promise<Ticket | undefined> {
  const window = { now: deps.clock.now(), mergeWindowH: deps.settings.mergeWindowH };
  const { quoted } = parseQuote(message.text);
  if (quoted) {
    return findQuotedTicket(deps.tickets, message, quoted, window);
  }
  return findAddressedTicket(deps.tickets, message, window);
}
