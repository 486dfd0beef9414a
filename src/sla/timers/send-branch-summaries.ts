import { startOfChinaMonth } from '../../clock/china-time.js';
import { noticeTo } from '../../outbox/address.js';
import { memberResults, pointMembers } from '../../stats/points.js';
import { pointsReplies } from '../../stats/points-text.js';
import { periodText } from '../../stats/replies.js';
import type { TicketEvent } from '../../tickets/ticket.js';
import type { DigestDeps } from './send-digests.js';

/**
 * The monthly summary to each grid party branch's secretary: last month's results of the branch's party
 * members (points, confirmed / claimed, the tickets), once per month however often the job runs.
 */
export async function sendBranchSummaries(deps: DigestDeps): Promise<number> {
  const now = deps.clock.now();
  const to = startOfChinaMonth(now);
  const from = startOfChinaMonth(new Date(to.getTime() - 1));
  const range = { from, to };
  const tickets = await deps.tickets.listTickets();
  const events = new Map<number, TicketEvent[]>();
  for (const t of tickets) {
    events.set(t.number, await deps.tickets.events(t.number));
  }
  const results = memberResults(tickets, events, range, pointMembers(deps.directory));
  let queued = 0;
  for (const grid of deps.directory.data.grids) {
    const volunteers = new Set(
      deps.directory.data.volunteers.filter((v) => v.grid === grid.name).map((v) => v.name),
    );
    const own = results.filter((r) => r.branch === grid.party_branch || volunteers.has(r.name));
    const text = pointsReplies.branchMonth(grid.party_branch, periodText(range), own);
    const key = `summary:branch:${from.toISOString().slice(0, 7)}:${grid.party_branch}`;
    const ids = await deps.tickets.enqueueMessages([noticeTo(grid.secretary, text)], { at: now, key });
    await deps.queue.enqueueOutbox(ids);
    queued += ids.length;
  }
  deps.logger.info({ event: 'party.branch_summary.queued', messages: queued }, 'branch summaries queued');
  return queued;
}
