import { createHash } from 'node:crypto';
import type { AccountMessenger } from '../bot/messenger.js';
import type { StaffChannel } from '../bot/staff-channel.js';
import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logger.js';
import type { OutboxRow, SendClass } from '../tickets/outbox.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import { isStaffNotice } from './address.js';
import type { SendBudget } from './send-budget.js';

/** A bot account as the router sees it: what it reaches, and how full its minute is. */
export type RoutedAccount = {
  account: string;
  messenger: Pick<AccountMessenger, 'reaches'>;
  budget: Pick<SendBudget, 'nextSlot'>;
  /** How many messages wait on the account's own queue (routed, not yet sent). */
  backlog(): Promise<number>;
};

export type RouteDeps = {
  tickets: Pick<TicketStore, 'getOutbox' | 'markUndeliverable'>;
  accounts: readonly RoutedAccount[];
  /** Queues the row on the chosen account's own outbox queue, in its class's lane. */
  sendFrom(account: number, outboxId: number, sendClass: SendClass): Promise<void>;
  clock: Clock;
  logger: Logger;
  /** The staff channel, when configured: a staff notice it reaches goes out there from whichever account takes it. */
  staffChannel?: Pick<StaffChannel, 'reaches'>;
};

/**
 * Chooses which of the bot accounts sends an outbox row, when the deployment runs several: a group message
 * goes from the account in that group, a private one from an account that knows the person. Among several
 * that could, the one with the fewest messages waiting, then the one whose budget lets the row's class go
 * soonest, and between equals the same account for the same recipient each time (a stable hash): a staff
 * member hears from one account while the load is light and from whichever has room when it is not. A row
 * no account reaches is set aside as undeliverable.
 */
export async function routeOutbox(deps: RouteDeps, job: { outboxId: number }): Promise<void> {
  const row = await deps.tickets.getOutbox(job.outboxId);
  if (!row || row.sentAt !== null || row.failedAt !== null) {
    return;
  }
  const byStaffChannel = isStaffNotice(row) && deps.staffChannel?.reaches(row.to ?? '') === true;
  const reach = byStaffChannel
    ? deps.accounts.map(() => true)
    : await Promise.all(deps.accounts.map((a) => a.messenger.reaches(row)));
  const able = deps.accounts.flatMap((_, i) => (reach[i] ? [i] : []));
  const chosen = await choose(deps, row, able);
  if (chosen === undefined) {
    const reason =
      row.room !== null || row.roomId !== null
        ? 'no bot account is in the group'
        : 'no bot account knows the person';
    await deps.tickets.markUndeliverable(row.id, deps.clock.now(), reason);
    deps.logger.warn(
      {
        event: 'outbox.message.undeliverable',
        outboxId: row.id,
        ticket: row.ticketNumber,
        code: 'NO_ACCOUNT',
      },
      'undeliverable',
    );
    return;
  }
  await deps.sendFrom(chosen, row.id, row.sendClass);
}

/** The account to send from, among those able (indexes into `deps.accounts`). */
async function choose(
  deps: Pick<RouteDeps, 'accounts'>,
  row: OutboxRow,
  able: readonly number[],
): Promise<number | undefined> {
  if (able.length <= 1) {
    return able[0];
  }
  const n = deps.accounts.length;
  const preferred = stableIndex(row, n);
  const load = await Promise.all(
    able.map(async (i) => {
      const account = deps.accounts[i] as RoutedAccount;
      return {
        i,
        waiting: await account.backlog(),
        slot: account.budget.nextSlot(row.sendClass).getTime(),
        // after the preferred account, wrapping around: ties go to the preferred
        rank: (i - preferred + n) % n,
      };
    }),
  );
  load.sort((a, b) => a.waiting - b.waiting || a.slot - b.slot || a.rank - b.rank);
  return load[0]?.i;
}

/** The same account for the same recipient (group or person), out of `n`. */
function stableIndex(row: Pick<OutboxRow, 'roomId' | 'room' | 'toId' | 'to'>, n: number): number {
  const who = row.roomId ?? row.room ?? row.toId ?? row.to ?? '';
  return createHash('sha256').update(who).digest().readUInt32BE(0) % Math.max(1, n);
}
