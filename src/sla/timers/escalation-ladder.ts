import type { Directory } from '../../directory/directory.js';
import type { Ticket } from '../../tickets/ticket.js';

/** One rung of the ladder: level 1 is the grid party branch secretary, the last the street office. */
export type LadderRung = { level: number; person: string; title: string };

/**
 * Who a late ticket escalates to, level by level: the secretary of its grid's party branch, then the
 * directory's `escalation` list (community party secretary, street office). A person already on a lower
 * rung is not repeated.
 */
export function escalationLadder(directory: Directory, ticket: Pick<Ticket, 'grid'>): LadderRung[] {
  const grid = ticket.grid ? directory.gridByName(ticket.grid) : undefined;
  const rungs: Array<{ person: string; title: string }> = [];
  if (grid) {
    rungs.push({ person: grid.secretary, title: `${grid.party_branch}书记` });
  }
  for (const person of directory.data.escalation) {
    const title = directory.data.supervisors.find((s) => s.name === person)?.title ?? '';
    rungs.push({ person, title });
  }
  const seen = new Set<string>();
  return rungs
    .filter((r) => !seen.has(r.person) && seen.add(r.person))
    .map((r, i) => ({ level: i + 1, ...r }));
}
