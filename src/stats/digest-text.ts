import type { Directory } from '../directory/directory.js';
import type { Body } from '../labels/labels.js';
import { blockerReplies } from '../tickets/blocker-text.js';
import type { FormalismRow } from './formalism.js';
import type { StuckTicket } from './open-blockers.js';
import type { Rates } from './rates.js';
import { type FormalismLine, NO_GROUP_NAME, periodText, statsReplies } from './replies.js';

/** Bodies named in the daily digest's formalism lines, worst first. */
export const DIGEST_WORST_BODIES = 3;
/** Open blockers listed in the daily digest, oldest first; the rest are counted. */
export const DIGEST_BLOCKER_LINES = 10;

/** A body id as supervisors know it (物业服务企业, 区城市管理综合执法局明德中队). */
export function bodyName(directory: Directory, key: string): string {
  if (key === 'none') {
    return NO_GROUP_NAME;
  }
  return directory.body(key as Body)?.name ?? key;
}

/** The bodies with formalism signals, worst first, as the digest names them. */
export function worstBodies(
  rows: readonly FormalismRow[],
  directory: Directory,
  limit = DIGEST_WORST_BODIES,
): FormalismLine[] {
  return rows
    .filter((row) => row.score > 0)
    .slice(0, limit)
    .map((row) => ({ ...row, name: bodyName(directory, row.key) }));
}

/**
 * The supervisors' daily digest: received, accepted, resolved, confirmed, reopened and open overdue, every
 * rate as n/d (p%), and the bodies with the most formalism signals when there are any.
 */
export function dailyDigestText(
  rates: Rates,
  period: { from: Date; to: Date },
  directory: Directory,
  stuck: readonly StuckTicket[] = [],
): string {
  const digest = statsReplies.dailyDigest(
    directory.data.community,
    periodText(period),
    rates,
    worstBodies(rates.formalism, directory),
  );
  if (stuck.length === 0) {
    return digest;
  }
  const lines = stuck
    .slice(0, DIGEST_BLOCKER_LINES)
    .map((s) => blockerReplies.line(s.ticket, s.blocker, period.to));
  return `${digest}\n${blockerReplies.list(lines, stuck.length - lines.length)}`;
}

/**
 * The residents' weekly summary for one group: received, resolved, confirmed and open overdue. Counts only:
 * no names, no tickets, nothing personal.
 */
export function weeklySummaryText(rates: Rates, period: { from: Date; to: Date }, room: string): string {
  return statsReplies.weeklySummary(room, periodText(period), rates);
}
