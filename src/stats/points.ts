import type { Directory } from '../directory/directory.js';
import type { Ticket, TicketEvent } from '../tickets/ticket.js';
import type { PeriodRange } from './period.js';

/**
 * Points go to confirmed results only (激励引导 without formalism): a ticket a party member or volunteer
 * claimed, closed with the resident's 满意 and not come back since. More for an urgent one and for one that
 * was already overdue when it was claimed; nothing for claiming, for activity, for a closure the resident
 * rejected (only the final, confirmed one counts) or for one that recurred.
 */
export const POINTS = { confirmed: 10, urgent: 5, overdueWhenClaimed: 5 } as const;

export type MemberResult = {
  name: string;
  branch: string | null;
  /** Tickets the member claimed within the period: the denominator. */
  claimed: number;
  /** Of the tickets the member ever claimed, those confirmed within the period: the numerator. */
  confirmed: number;
  points: number;
  /** The confirmed tickets, by number. */
  tickets: number[];
};

export type BranchResult = {
  branch: string;
  members: number;
  claimed: number;
  confirmed: number;
  points: number;
};

const within = (at: Date | null, range: PeriodRange) =>
  at !== null && at.getTime() >= range.from.getTime() && at.getTime() < range.to.getTime();

/** The points one confirmed ticket earns each member who claimed it; 0 when it earns none. */
export function ticketPoints(ticket: Ticket, events: readonly TicketEvent[], member: string): number {
  const claim = events.find((e) => e.type === 'claimed' && e.detail === member);
  if (!claim || ticket.status !== 'closed' || ticket.confirmation !== 'satisfied') {
    return 0;
  }
  if (events.some((e) => e.type === 'recurrence')) {
    return 0;
  }
  const urgent = ticket.urgency === 'urgent' || ticket.urgency === 'emergency' ? POINTS.urgent : 0;
  const rescued = events.some((e) => e.type === 'overdue' && e.at.getTime() <= claim.at.getTime())
    ? POINTS.overdueWhenClaimed
    : 0;
  return POINTS.confirmed + urgent + rescued;
}

/**
 * Each member's results in the period, best first (points, then confirmed, then name). Members are the
 * directory's party members and anyone else who claimed a ticket (a volunteer); `branchOf` names their
 * party branch.
 */
export function memberResults(
  tickets: readonly Ticket[],
  events: ReadonlyMap<number, readonly TicketEvent[]>,
  range: PeriodRange,
  members: ReadonlyArray<{ name: string; branch: string | null }>,
): MemberResult[] {
  const results = new Map<string, MemberResult>(
    members.map((m) => [m.name, { ...m, claimed: 0, confirmed: 0, points: 0, tickets: [] }]),
  );
  const of = (name: string) => {
    const found = results.get(name) ?? {
      name,
      branch: null,
      claimed: 0,
      confirmed: 0,
      points: 0,
      tickets: [],
    };
    results.set(name, found);
    return found;
  };
  for (const ticket of tickets) {
    const log = events.get(ticket.number) ?? [];
    const claimers = [...new Set(log.filter((e) => e.type === 'claimed').map((e) => e.detail))];
    for (const name of claimers) {
      const r = of(name);
      if (log.some((e) => e.type === 'claimed' && e.detail === name && within(e.at, range))) {
        r.claimed += 1;
      }
      const points = within(ticket.closedAt, range) ? ticketPoints(ticket, log, name) : 0;
      if (points > 0) {
        r.confirmed += 1;
        r.points += points;
        r.tickets.push(ticket.number);
      }
    }
  }
  return [...results.values()].sort(
    (a, b) => b.points - a.points || b.confirmed - a.confirmed || a.name.localeCompare(b.name, 'zh'),
  );
}

/** The members' results summed by party branch, best first; members without a branch are left out. */
export function branchResults(members: readonly MemberResult[]): BranchResult[] {
  const byBranch = new Map<string, BranchResult>();
  for (const m of members) {
    if (m.branch === null) {
      continue;
    }
    const b = byBranch.get(m.branch) ?? { branch: m.branch, members: 0, claimed: 0, confirmed: 0, points: 0 };
    byBranch.set(m.branch, b);
    b.members += 1;
    b.claimed += m.claimed;
    b.confirmed += m.confirmed;
    b.points += m.points;
  }
  return [...byBranch.values()].sort(
    (a, b) => b.points - a.points || b.confirmed - a.confirmed || a.branch.localeCompare(b.branch, 'zh'),
  );
}

/** Who earns points: the party members (with their branch) and the volunteers (no branch). */
export function pointMembers(
  directory: Pick<Directory, 'data'>,
): Array<{ name: string; branch: string | null }> {
  return [
    ...directory.data.party_members.map((m) => ({ name: m.name, branch: m.branch })),
    ...directory.data.volunteers.map((v) => ({ name: v.name, branch: null })),
  ];
}
