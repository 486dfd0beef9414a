import type { Person } from '../directory/directory.js';
import type { Ticket } from './ticket.js';

/**
 * Who stands in what relation to one ticket, by the directory's roles. Every check takes the person as the
 * directory names them, as tickets name their assignees.
 */

export const isSupervisor = (p: Person): boolean => p.roles.includes('supervisor');

/** The liaison of the ticket's body; a property liaison only for the compounds they answer for. */
export function isBodyLiaison(p: Person, t: Ticket): boolean {
  if (!p.roles.includes('liaison') || !p.bodies.includes(t.body)) {
    return false;
  }
  return t.body !== 'property' || (t.location.compound !== null && p.compounds.includes(t.location.compound));
}

/** A grid worker of the ticket's grid. */
export const isGridWorkerOf = (p: Person, t: Ticket): boolean =>
  p.roles.includes('grid_worker') && t.grid !== null && p.grids.includes(t.grid);

/** Who works the ticket: its assignees, the grid worker of its grid, its body's liaison, and supervisors. */
export function handles(p: Person, t: Ticket): boolean {
  return isSupervisor(p) || t.assignees.includes(p.name) || isGridWorkerOf(p, t) || isBodyLiaison(p, t);
}
