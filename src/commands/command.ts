import type { Body } from '../labels/labels.js';
import type { StatsPeriod } from '../stats/period.js';
import type { BlockerReason } from '../tickets/blockers.js';

/** Every command the chat vocabulary knows, by its English id. */
export const COMMAND_NAMES = [
  'help',
  'my_tickets',
  'progress',
  'supplement',
  'withdraw',
  'confirm',
  'reject',
  'rate',
  'accept',
  'update',
  'resolve',
  'transfer',
  'return',
  'whistle',
  'report',
  'history',
  'overdue',
  'stats',
  'find_building',
  'claim',
  'block',
  'unblock',
  'blockers',
  'my_points',
  'ranking',
  'resources',
  'engage',
  'resource_usage',
  'joint_meeting',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** A well-formed command; ticket numbers are positive safe integers, texts are trimmed as typed. */
export type Command =
  | { name: 'help' }
  | { name: 'my_tickets' }
  | { name: 'progress'; ticket: number }
  | { name: 'supplement'; ticket: number; text: string }
  | { name: 'withdraw'; ticket: number }
  | { name: 'confirm'; ticket: number | null }
  | { name: 'reject'; ticket: number | null; reason: string | null }
  | { name: 'rate'; ticket: number; score: number }
  | { name: 'accept'; ticket: number }
  | { name: 'update'; ticket: number; text: string }
  | { name: 'resolve'; ticket: number; text: string }
  | { name: 'transfer'; ticket: number; body: Body; reason: string }
  | { name: 'return'; ticket: number; reason: string }
  | { name: 'whistle'; ticket: number; bodies: Body[] }
  | { name: 'report'; ticket: number }
  | { name: 'history'; ticket: number }
  | { name: 'overdue' }
  | { name: 'stats'; period: StatsPeriod }
  | { name: 'find_building'; building: number }
  | { name: 'claim'; ticket: number }
  | { name: 'block'; ticket: number; reason: BlockerReason; note: string }
  | { name: 'unblock'; ticket: number; note: string | null }
  | { name: 'blockers' }
  | { name: 'my_points'; period: StatsPeriod | null }
  | { name: 'ranking'; period: StatsPeriod | null }
  | { name: 'resources'; ticket: number }
  | { name: 'engage'; ticket: number; resource: string }
  | { name: 'resource_usage'; period: StatsPeriod }
  | { name: 'joint_meeting'; period: StatsPeriod };

/** Why a known verb could not be read; the caller answers with that command's usage. */
export type ParseProblem =
  | 'missing_ticket'
  | 'bad_ticket'
  | 'missing_text'
  | 'missing_reason'
  | 'bad_rating'
  | 'missing_body'
  | 'unknown_body'
  | 'bad_period'
  | 'missing_building'
  | 'bad_building'
  | 'unexpected_text'
  | 'missing_blocker_reason'
  | 'missing_resource';

export type ParseResult =
  | { kind: 'none' }
  | { kind: 'command'; command: Command }
  /** `detail` carries the offending word when there is one (an unknown body name). */
  | { kind: 'malformed'; name: CommandName; problem: ParseProblem; detail?: string };
