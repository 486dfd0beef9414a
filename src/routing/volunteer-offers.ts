import type { Directory } from '../directory/directory.js';
import type { Ticket } from '../tickets/ticket.js';

/** Offers of volunteer tickets: how many people per ticket, and how many offers a person gets a day. */
export const OFFER_BATCH = 2;
export const OFFERS_PER_DAY = 3;
/** Offers posted to the volunteers' group a day, so the group is not flooded. */
export const GROUP_OFFERS_PER_DAY = 5;
/** Age under which a member counts as young when the directory gives a year of birth. */
const YOUNG_UNDER = 36;

/** Whether party members and volunteers may claim the ticket (the directory's volunteer categories). */
export function volunteerSuitable(directory: Pick<Directory, 'data'>, t: Ticket): boolean {
  return (
    t.intent === 'grievance' &&
    t.urgency !== 'emergency' &&
    (directory.data.volunteer_categories as readonly string[]).includes(t.category)
  );
}

/**
 * The party members of the ticket's grid (members of its party branch) and its volunteers: young ones
 * first, party members before volunteers within each.
 */
export function volunteersOfGrid(directory: Pick<Directory, 'data'>, t: Ticket, year: number): string[] {
  const grid = directory.data.grids.find((g) => g.name === t.grid);
  if (!grid) {
    return [];
  }
  const young = (m: { young: boolean; born?: number | undefined }) =>
    m.young || (m.born !== undefined && year - m.born < YOUNG_UNDER);
  const people = [
    ...directory.data.party_members.filter((m) => m.branch === grid.party_branch),
    ...directory.data.volunteers.filter((v) => v.grid === grid.name),
  ];
  return [...people.filter(young), ...people.filter((m) => !young(m))].map((m) => m.name);
}

/**
 * Who is offered a ticket now: up to OFFER_BATCH of the grid's members in order, leaving out those who had
 * OFFERS_PER_DAY offers today and those who already claimed it; empty when nobody may be asked today.
 */
export function pickOfferees(
  candidates: readonly string[],
  offeredToday: ReadonlyMap<string, number>,
  exclude: ReadonlySet<string> = new Set(),
): string[] {
  return candidates
    .filter((name) => !exclude.has(name) && (offeredToday.get(name) ?? 0) < OFFERS_PER_DAY)
    .slice(0, OFFER_BATCH);
}
