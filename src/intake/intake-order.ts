import type { Directory } from '../directory/directory.js';
import type { SeenMessage, TicketStore } from '../tickets/ticket-store.js';

/**
 * The conversation a message belongs to, for ordering: the messages of one compound's groups are read one
 * after another (a report, its place and its co-reports join one ticket, and two neighbours telling the same
 * problem cannot both open one), a private chat is its sender's own. Different compounds share no ticket,
 * so their messages are read side by side and one compound waiting on a slow LLM does not hold up the rest.
 */
export function intakeOrderKey(
  message: Pick<SeenMessage, 'room' | 'roomId' | 'senderId' | 'sender'>,
  directory: Pick<Directory, 'group'>,
): string {
  if (message.room !== null) {
    const compound = directory.group(message.room)?.compound;
    return compound ? `compound:${compound}` : `room:${message.roomId ?? message.room}`;
  }
  return `person:${message.senderId ?? message.sender}`;
}

/**
 * Runs jobs side by side but those of one key one after another, in the order they were handed in (the
 * queue's order: a worker with concurrency above one starts jobs in arrival order). Keys are found one job
 * at a time, so a quick lookup cannot overtake a slow one and reorder a conversation.
 */
export function orderedByKey<J>(
  keyOf: (job: J) => Promise<string>,
  run: (job: J) => Promise<void>,
): (job: J) => Promise<void> {
  let lookups: Promise<unknown> = Promise.resolve();
  const tails = new Map<string, Promise<void>>();
  return (job) => {
    const key = lookups.then(() => keyOf(job));
    lookups = key.catch(() => undefined);
    return key.then((k) => {
      const mine = (tails.get(k) ?? Promise.resolve()).then(() => run(job));
      const tail = mine.then(
        () => undefined,
        () => undefined,
      );
      tails.set(k, tail);
      void tail.then(() => {
        if (tails.get(k) === tail) {
          tails.delete(k);
        }
      });
      return mine;
    });
  };
}

/** processIntake in conversation order: the key comes from the stored message (a missing one: its own key). */
export function inIntakeOrder(
  deps: { tickets: Pick<TicketStore, 'getMessage'>; directory: Pick<Directory, 'group'> },
  run: (job: { messageKey: string }) => Promise<void>,
): (job: { messageKey: string }) => Promise<void> {
  return orderedByKey(async (job) => {
    const message = await deps.tickets.getMessage(job.messageKey);
    return message ? intakeOrderKey(message, deps.directory) : `message:${job.messageKey}`;
  }, run);
}
