import type { AccountMessenger } from '../bot/messenger.js';
import type { Clock } from '../clock/clock.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import { SEND_WINDOW_MS, SendBudget } from './send-budget.js';

/** A bot account ready to send: its label, its messenger and its own minute of sends. */
export type AccountSender = { account: string; messenger: AccountMessenger; budget: SendBudget };

/**
 * Gives each bot account its own send budget, started from what that account sent in the last minute: a
 * restart does not forget the minute it was in, since WeChat counts each account's sends, not the
 * process's. Sends recorded before senders were kept count against every account.
 */
export async function accountSenders(
  accounts: readonly { account: string; messenger: AccountMessenger }[],
  deps: { tickets: Pick<TicketStore, 'sendTimesSince'>; clock: Clock; perMinute: number },
): Promise<AccountSender[]> {
  const since = new Date(deps.clock.now().getTime() - SEND_WINDOW_MS);
  return Promise.all(
    accounts.map(async ({ account, messenger }) => {
      const budget = new SendBudget(deps.clock, deps.perMinute);
      budget.remember(await deps.tickets.sendTimesSince(since, account));
      return { account, messenger, budget };
    }),
  );
}
