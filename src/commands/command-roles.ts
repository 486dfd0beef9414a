import type { Role } from '../directory/directory.js';
import type { CommandName } from './command.js';

const STAFF: readonly Role[] = ['grid_worker', 'liaison', 'party_member', 'branch_secretary', 'supervisor'];

/**
 * Who may use each command (the "who" column of the chat vocabulary). Per-ticket rights (reporter,
 * co-reporter, assignee, called body) are the caller's to check; this only gates by role.
 */
export const COMMAND_ROLES: Readonly<Record<CommandName, readonly Role[] | 'everyone'>> = {
  help: 'everyone',
  my_tickets: 'everyone',
  progress: 'everyone',
  supplement: 'everyone',
  withdraw: 'everyone',
  confirm: 'everyone',
  reject: 'everyone',
  rate: 'everyone',
  accept: STAFF,
  update: STAFF,
  resolve: STAFF,
  transfer: STAFF,
  return: STAFF,
  whistle: ['grid_worker', 'supervisor'],
  report: ['liaison'],
  history: STAFF,
  overdue: STAFF,
  stats: ['supervisor', 'branch_secretary'],
  find_building: ['supervisor'],
  claim: ['party_member', 'volunteer'],
  joint_meeting: ['supervisor'],
  block: STAFF,
  unblock: STAFF,
  blockers: ['supervisor', 'branch_secretary'],
  my_points: ['party_member', 'volunteer'],
  ranking: ['supervisor', 'branch_secretary'],
  resources: STAFF,
  engage: STAFF,
  resource_usage: ['supervisor'],
};

/** Whether a person with these roles may use the command at all. */
export function mayUseCommand(roles: readonly Role[], name: CommandName): boolean {
  const allowed = COMMAND_ROLES[name];
  return allowed === 'everyone' || roles.some((role) => allowed.includes(role));
}
