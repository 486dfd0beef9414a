import { chinaDayOf, startOfChinaWeek } from '../../clock/china-time.js';
import type { Clock } from '../../clock/clock.js';
import type { Directory } from '../../directory/directory.js';
import type { Logger } from '../../logger.js';
import type { JobQueue } from '../../queue/job-queue.js';
import { dailyDigestText, weeklySummaryText } from '../../stats/digest-text.js';
import { loadRatesInput } from '../../stats/load-rates-input.js';
import { openBlockers } from '../../stats/open-blockers.js';
import { partyOrgSection } from '../../stats/party-org-text.js';
import { computeRates } from '../../stats/rates.js';
import type { OutboxMessage } from '../../tickets/outbox.js';
import type { Ticket } from '../../tickets/ticket.js';
import type { TicketStore } from '../../tickets/ticket-store.js';

export type DigestDeps = {
  tickets: Pick<TicketStore, 'listTickets' | 'events' | 'enqueueMessages' | 'auditHead'>;
  queue: Pick<JobQueue, 'enqueueOutbox'>;
  directory: Directory;
  clock: Clock;
  logger: Logger;
};

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * The daily digest to every supervisors' group: the rates of the 24 hours up to now (the scheduler's run
 * time, to the minute). Queued once per period however often the job runs (a retry, a second process).
 */
export async function sendDailyDigest(deps: DigestDeps): Promise<number> {
  const period = periodEndingNow(deps.clock, DAY_MS);
  const rooms = deps.directory.data.groups.filter((g) => g.kind === 'supervisors').map((g) => g.topic);
  if (rooms.length === 0) {
    return 0;
  }
  const input = await loadRatesInput(deps, { ...period, now: period.to });
  const rates = computeRates(input);
  const orgs = partyOrgSection(input, deps.directory);
  // the chain head in a place the database cannot reach: the supervisors' group keeps it
  const head = await deps.tickets.auditHead();
  const stuck = await openBlockers(deps.tickets);
  const text = `${dailyDigestText(rates, period, deps.directory, stuck)}${orgs ? `\n${orgs}` : ''}\n${auditLine(head)}`;
  // one per China day, so a retry that runs a minute later is still the same digest
  const key = `digest:daily:${chinaDayOf(period.to)}`;
  return queue(
    deps,
    key,
    period.to,
    [...new Set(rooms)].map((room) => toGroup(room, text)),
  );
}

/** The audit anchor line of the daily digest: the last event's number and the start of its hash. */
const auditLine = (head: { eventId: number; hash: string }) =>
  `（审计校验：记录 ${head.eventId}，${head.hash.slice(0, 12) || '无'}）`;

/** The weekly public summary to each residents' group, about the tickets of its compound (or reported in it). */
export async function sendWeeklySummary(deps: DigestDeps): Promise<number> {
  const period = periodEndingNow(deps.clock, 7 * DAY_MS);
  let queued = 0;
  for (const group of deps.directory.data.groups.filter((g) => g.kind === 'residents')) {
    const scope = (t: Ticket) =>
      t.room === group.topic || (group.compound !== undefined && t.location.compound === group.compound);
    const rates = computeRates(await loadRatesInput(deps, { ...period, now: period.to, scope }));
    const text = weeklySummaryText(rates, period, group.topic);
    const key = `digest:weekly:${chinaDayOf(startOfChinaWeek(period.to))}:${group.topic}`;
    queued += await queue(deps, key, period.to, [toGroup(group.topic, text)]);
  }
  return queued;
}

function periodEndingNow(clock: Clock, length: number): { from: Date; to: Date } {
  const now = clock.now().getTime();
  const to = new Date(now - (now % MINUTE_MS));
  return { from: new Date(to.getTime() - length), to };
}

async function queue(deps: DigestDeps, key: string, at: Date, outbox: OutboxMessage[]): Promise<number> {
  const ids = await deps.tickets.enqueueMessages(outbox, { at, key });
  await deps.queue.enqueueOutbox(ids);
  deps.logger.info({ event: 'sla.digest.queued', key, messages: ids.length }, 'digest queued');
  return ids.length;
}

/** A group message; a digest's room id is found by topic when it is sent. */
function toGroup(room: string, text: string): OutboxMessage {
  return {
    room,
    roomId: null,
    to: null,
    toId: null,
    mentions: [],
    mentionIds: [],
    text,
    sendClass: 'notice',
  };
}
