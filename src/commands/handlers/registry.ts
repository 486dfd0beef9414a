import type { CommandName } from '../command.js';
import { block, blockers, unblock } from './blockers.js';
import { claim } from './claim.js';
import { confirm, reject } from './confirmation.js';
import type { CommandHandler } from './context.js';
import { help } from './help.js';
import { findBuilding, history } from './history.js';
import { jointMeeting } from './joint-meeting.js';
import { myTickets } from './my-tickets.js';
import { overdue } from './overdue.js';
import { myPoints, ranking } from './points.js';
import { progress } from './progress.js';
import { rate, supplement, withdraw } from './reporter-actions.js';
import { resolve } from './resolve.js';
import { resourceUsage } from './resource-usage.js';
import { engage, resources } from './resources.js';
import { stats } from './stats.js';
import { returnTicket, transfer } from './transfer.js';
import { report, whistle } from './whistle.js';
import { accept, update } from './work-actions.js';

export type HandlerRegistry = { readonly [N in CommandName]?: CommandHandler<N> };

/**
 * The handler of each command. A command without an entry is not answered here (handle-command returns
 * false and intake goes on): `stats` and `overdue` get theirs in their own files, one line each below.
 */
export const COMMAND_HANDLERS: HandlerRegistry = {
  help,
  my_tickets: myTickets,
  progress,
  supplement,
  withdraw,
  confirm,
  reject,
  rate,
  accept,
  update,
  resolve,
  transfer,
  return: returnTicket,
  whistle,
  report,
  history,
  find_building: findBuilding,
  claim,
  joint_meeting: jointMeeting,
  block,
  unblock,
  blockers,
  my_points: myPoints,
  ranking,
  resources,
  engage,
  resource_usage: resourceUsage,
  overdue,
  stats,
};
