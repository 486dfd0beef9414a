import type { Directory, Person } from '../directory/directory.js';
import type { Ticket } from '../tickets/ticket.js';
import { handles, isGridWorkerOf, isSupervisor } from '../tickets/ticket-roles.js';

/**
 * Per-ticket rights. Roles alone are checked by COMMAND_ROLES; these say who stands in what relation to
 * one ticket. Every check takes the sender's display name, as the directory and tickets name people.
 */

export type Sender = { name: string; id: string };

export { isReporter, isReporterOrCo } from '../tickets/reporters.js';
export { handles, isBodyLiaison, isSupervisor } from '../tickets/ticket-roles.js';

/**
 * Who may send a ticket elsewhere (转派, 退回): its handlers who are staff. A volunteer who claimed it may
 * work and resolve it, not pass it away from the body that answers for it.
 */
export function mayRedirect(p: Person, t: Ticket): boolean {
  const staff = p.roles.some((r) => r === 'grid_worker' || r === 'liaison' || r === 'supervisor');
  return staff && handles(p, t);
}

/** Liaisons of bodies called into the ticket by 吹哨. */
export const isCalledLiaison = (p: Person, t: Ticket): boolean =>
  t.jointBodies.some((j) => j.liaison === p.name);

/** Staff who may read a ticket's full history: those who work it, called bodies, the grid's branch secretary. */
export function readsTicket(p: Person, t: Ticket): boolean {
  const secretary = p.roles.includes('branch_secretary') && t.grid !== null && p.grids.includes(t.grid);
  return handles(p, t) || isCalledLiaison(p, t) || secretary;
}

/** Who may blow the whistle on a ticket: the grid worker of its grid, and supervisors. */
export const mayWhistle = (p: Person, t: Ticket): boolean => isSupervisor(p) || isGridWorkerOf(p, t);

/** The dispatchers of returned tickets: the duty grid's worker and the committee's liaison. */
export function dispatchers(directory: Directory): string[] {
  const duty = directory.gridByName(directory.data.duty_grid)?.worker ?? null;
  const committee = directory.liaisonOf('committee');
  return [...new Set([duty, committee].filter((n): n is string => n !== null))];
}

/** Re-routes a returned ticket: the grid worker who holds it, a dispatcher or a supervisor. */
export const mayReroute = (directory: Directory, p: Person, t: Ticket): boolean =>
  isSupervisor(p) || dispatchers(directory).includes(p.name) || gridWorkerOf(directory, t) === p.name;

/** The grid worker of the ticket's grid, who hears about whistle reports and claims. */
export function gridWorkerOf(directory: Directory, t: Ticket): string | null {
  return (t.grid ? directory.gridByName(t.grid)?.worker : undefined) ?? null;
}
