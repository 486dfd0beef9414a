import { performance } from 'node:perf_hooks';
import type { TicketStore } from '../src/tickets/ticket-store.js';

/**
 * Calls `onRead(messageKey, at)` the moment a message's outcome is committed: every intake path ends in one
 * of these three store calls, and each writes the outcome and the message's replies (its outbox rows) in
 * one transaction, so when the call resolves the reply row exists. The hook wraps the store instance the
 * app already holds (the app takes no store from outside); `at` is `performance.now()` just after commit.
 */
export function watchReadMessages(
  store: TicketStore,
  onRead: (messageKey: string, at: number) => void,
): void {
  const settleMessage = store.settleMessage.bind(store);
  store.settleMessage = async (key, outcome, outbox) => {
    const result = await settleMessage(key, outcome, outbox);
    if (result.settled) {
      onRead(key, performance.now());
    }
    return result;
  };
  const createTicket = store.createTicket.bind(store);
  store.createTicket = async (ticket, input) => {
    const result = await createTicket(ticket, input);
    if (result.created && input.messageKey !== null) {
      onRead(input.messageKey, performance.now());
    }
    return result;
  };
  const change = store.change.bind(store);
  store.change = async (ticketNumber, step) => {
    const result = await change(ticketNumber, step);
    if (result.ok && step.settles) {
      onRead(step.settles.messageKey, performance.now());
    }
    return result;
  };
}
