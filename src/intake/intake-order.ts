import type { Directory } from '../directory/directory.js';
import { intakePartitionOf } from '../queue/jobs.js';
import type { SeenMessage } from '../tickets/ticket-store.js';

const COMPOUND = 'compound:';

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
    return compound ? `${COMPOUND}${compound}` : `room:${message.roomId ?? message.room}`;
  }
  return `person:${message.senderId ?? message.sender}`;
}

/**
 * The intake partition of a conversation: the directory's compounds in turn (so that with as many partitions
 * as compounds no two compounds wait on each other), any other conversation by its hash.
 */
export function intakePartition(
  orderKey: string,
  partitions: number,
  directory: Pick<Directory, 'data'>,
): number {
  const compound = orderKey.startsWith(COMPOUND)
    ? directory.data.compounds.findIndex((c) => c.name === orderKey.slice(COMPOUND.length))
    : -1;
  return compound >= 0 ? compound % partitions : intakePartitionOf(orderKey, partitions);
}
