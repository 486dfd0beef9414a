import type { Directory } from '../directory/directory.js';
import { noticeTo } from '../outbox/address.js';
import type { Routing } from '../routing/route-ticket.js';
import type { OutboxMessage } from '../tickets/outbox.js';
import type { Ticket } from '../tickets/ticket.js';
import { intakeReplies } from './replies.js';

/** The secretary of the routed grid's party branch, who answers for the grid's tickets. */
export function branchSecretaryOf(directory: Directory, routing: Pick<Routing, 'grid'>): string[] {
  const secretary = directory.gridByName(routing.grid)?.secretary;
  return secretary ? [secretary] : [];
}

/**
 * An urgent ticket is made known to its grid's branch secretary at once, as to the grid worker; a normal
 * one is not, so the secretary is not flooded (我的工单 lists them, and the ladder brings the late ones).
 * Nobody in `told` is told twice.
 */
export function branchUrgentNotice(
  directory: Directory,
  t: Ticket,
  routing: Pick<Routing, 'grid' | 'partyBranch'>,
  handler: string,
  told: readonly string[],
): OutboxMessage[] {
  if (t.urgency !== 'urgent' && t.urgency !== 'emergency') {
    return [];
  }
  return branchSecretaryOf(directory, routing)
    .filter((name) => !told.includes(name))
    .map((name) => noticeTo(name, intakeReplies.branchUrgentNotice(t, routing.partyBranch, handler)));
}
