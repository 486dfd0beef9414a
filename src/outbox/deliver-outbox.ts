import type { Messenger } from '../bot/messenger.js';
import type { StaffChannel } from '../bot/staff-channel.js';
import type { Clock } from '../clock/clock.js';
import { isAppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { NotBefore } from '../queue/not-before.js';
import type { OutboxRow } from '../tickets/outbox.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import { isStaffNotice } from './address.js';
import { outboxReplies } from './replies.js';
import type { SendBudget } from './send-budget.js';

/** The most staff notices one message lists. */
const MAX_JOINED = 10;

/**
 * While a message waits for room in the budget, the worker looks again this often, so that a message of a
 * higher class that arrives meanwhile (an emergency behind notices waiting for the minute) goes first.
 */
const RECHECK_MS = 500;

export type DeliverDeps = {
  tickets: Pick<TicketStore, 'getOutbox' | 'markSent' | 'markUndeliverable' | 'noticesToJoin'>;
  messenger: Messenger;
  budget: SendBudget;
  clock: Clock;
  logger: Logger;
  /** The last guard on everything the bot says: personal numbers masked (the community's public ones kept). */
  mask: (text: string) => string;
  /**
   * Waits until `at`, for room in the budget (`queue`: no other message may take it first) or for a notice's
   * batch window (`job`: the others go on meanwhile): `waitInQueue` (the job is put back, nothing sleeps),
   * or a simulated clock's `waitUntil` (virtual time passes).
   */
  waitFor: (at: Date, scope: 'queue' | 'job') => Promise<void>;
  /** How long a staff notice waits for more to the same person to go out with it; 0 sends each alone. */
  batchWindowMs: number;
  /** The same for a routine notice (about a ticket of normal urgency); unset or 0: the notices' window. */
  routineWindowMs?: number;
  /** Where staff notices go instead of the bot's account, for the staff it reaches (outside its budget). */
  staffChannel?: StaffChannel;
  /** The label of the bot account this delivers for, recorded on what it sends. */
  account?: string;
};

/** The sender recorded on messages that went through the staff channel (never any account's budget). */
export const STAFF_CHANNEL_SENDER = 'staff-channel';

/** Waiting through the queue: throws NotBefore, so the job is put back and no worker is held. */
export async function waitInQueue(at: Date, scope: 'queue' | 'job'): Promise<never> {
  const until = scope === 'queue' ? Math.min(at.getTime(), Date.now() + RECHECK_MS) : at.getTime();
  throw new NotBefore(new Date(until), scope);
}

/**
 * Sends one outbox row when the account's budget has room for its class and marks it sent. A staff notice
 * first waits out its batch window, then goes out with the others to the same person queued by then (at most
 * ten in all) as one message, through the staff channel when it reaches them (the account's budget
 * untouched). A row already sent (alone or with others) is skipped.
 */
export async function deliverOutbox(deps: DeliverDeps, job: { outboxId: number }): Promise<void> {
  const row = await deps.tickets.getOutbox(job.outboxId);
  if (!row || row.sentAt !== null || row.failedAt !== null) {
    return;
  }
  const window = batchWindow(deps, row);
  const batchEnd = window > 0 ? new Date(row.createdAt.getTime() + window) : null;
  const staff = staffChannelFor(deps, row);
  await waitForTurn(deps, row, { batchEnd, inBudget: staff === undefined });
  // a notice that waited past its window (a backlog) takes along everything to that person meanwhile
  const until = batchEnd && new Date(Math.max(batchEnd.getTime(), deps.clock.now().getTime()));
  const joined = until ? await deps.tickets.noticesToJoin(row, { until, limit: MAX_JOINED - 1 }) : [];
  const rows = [row, ...joined];
  const text = deps.mask(joined.length > 0 ? outboxReplies.joinedNotices(rows.map((r) => r.text)) : row.text);
  const sending = staff
    ? () => staff.send(row.to ?? '', text)
    : () => {
        deps.budget.take();
        return deps.messenger.send({ ...row, text });
      };
  if (!(await send(deps, rows, sending))) {
    return;
  }
  const at = deps.clock.now();
  for (const r of rows) {
    await deps.tickets.markSent(r.id, at, staff ? STAFF_CHANNEL_SENDER : deps.account);
  }
  deps.logger.info(
    {
      ...{
        event: 'outbox.message.sent',
        outboxId: row.id,
        ticket: row.ticketNumber,
        private: row.room === null,
      },
      ...{
        sendClass: row.sendClass,
        channel: staff ? 'staff' : 'wechat',
        account: staff ? undefined : deps.account,
      },
      ...(joined.length > 0 ? { joined: joined.map((r) => r.id) } : {}),
    },
    'sent',
  );
}

/** Waits out a notice's batch window, then (unless it leaves by the staff channel) for room in the budget. */
async function waitForTurn(
  deps: DeliverDeps,
  row: OutboxRow,
  turn: { batchEnd: Date | null; inBudget: boolean },
): Promise<void> {
  if (turn.batchEnd && turn.batchEnd > deps.clock.now()) {
    await deps.waitFor(turn.batchEnd, 'job');
  }
  const slot = deps.budget.nextSlot(row.sendClass);
  if (turn.inBudget && slot > deps.clock.now()) {
    await deps.waitFor(slot, 'queue');
  }
}

/** The staff channel, for a private staff notice to someone it reaches. */
function staffChannelFor(deps: Pick<DeliverDeps, 'staffChannel'>, row: OutboxRow): StaffChannel | undefined {
  return isStaffNotice(row) && deps.staffChannel?.reaches(row.to ?? '') ? deps.staffChannel : undefined;
}

/**
 * How long a message waits for others to the same person: staff notices in private are batched (routine ones
 * over their longer window); emergencies, replies and group messages never are.
 */
function batchWindow(deps: Pick<DeliverDeps, 'batchWindowMs' | 'routineWindowMs'>, row: OutboxRow): number {
  if (deps.batchWindowMs <= 0 || !isStaffNotice(row)) {
    return 0;
  }
  return row.sendClass === 'routine' ? deps.routineWindowMs || deps.batchWindowMs : deps.batchWindowMs;
}

/** Sends the message; false when it can never be delivered (its rows are set aside, visibly). */
async function send(
  deps: DeliverDeps,
  rows: readonly OutboxRow[],
  sending: () => Promise<void>,
): Promise<boolean> {
  const [message] = rows;
  try {
    await sending();
    return true;
  } catch (error) {
    if (!isAppError(error) || (error.code !== 'ROOM_NOT_FOUND' && error.code !== 'CONTACT_NOT_FOUND')) {
      throw error;
    }
    // no retry can find a room the bot is not in or a person it does not know: set it aside, visibly
    for (const r of rows) {
      await deps.tickets.markUndeliverable(r.id, deps.clock.now(), error.message);
    }
    deps.logger.warn(
      {
        event: 'outbox.message.undeliverable',
        outboxId: message?.id,
        ticket: message?.ticketNumber,
        code: error.code,
      },
      'undeliverable',
    );
    return false;
  }
}
