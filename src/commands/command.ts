import type { Body } from '../labels/labels.js';
import type { StatsPeriod } from '../stats/period.js';

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
  | { name: 'claim'; ticket: number };

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
  | 'unexpected_text';

export type ParseResult =
  | { kind: 'none' }
  | { kind: 'command'; command: Command }
  /** `detail` carries the offending word when there is one (an unknown body name). */
  | { kind: 'malformed'; name: CommandName; problem: ParseProblem; detail?: string };
