import { toChinaIso } from '../../clock/china-time.js';
import type { Clock } from '../../clock/clock.js';
import type { Directory } from '../../directory/directory.js';
import { noticeAbout } from '../../outbox/address.js';
import { maskPersonalData } from '../../privacy/mask.js';
import type { JobQueue } from '../../queue/job-queue.js';
import {
  GROUP_OFFERS_PER_DAY,
  pickOfferees,
  volunteerSuitable,
  volunteersOfGrid,
} from '../../routing/volunteer-offers.js';
import type { Ticket, TicketEvent } from '../../tickets/ticket.js';
import type { TicketStore } from '../../tickets/ticket-store.js';
import { excerpt } from '../../tickets/ticket-text.js';
import {
  groupOffer,
  type OfferRecord,
  offeredDetail,
  readOffer,
  VOLUNTEER_OFFERED,
  volunteerOffer,
} from '../../tickets/volunteer-text.js';

export type OfferDeps = {
  tickets: Pick<TicketStore, 'listTickets' | 'events' | 'change'>;
  queue: Pick<JobQueue, 'enqueueOutbox'>;
  directory: Directory;
  clock: Clock;
};

/** Tickets older than this are not offered any more (the grid worker has them in hand). */
const OFFER_WITHIN_MS = 7 * 86_400_000;

/**
 * Offers the open volunteer-suitable tickets nobody has claimed to the party members of their grid, young
 * ones first, a few at a time: each ticket once, to at most OFFER_BATCH people, nobody more than
 * OFFERS_PER_DAY times a China day (a ticket that finds nobody free today is offered on a later sweep). Each
 * offer is one store change (event and private messages together) guarded by the seq it was decided on.
 */
export async function offerVolunteerTickets(deps: OfferDeps): Promise<number> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - OFFER_WITHIN_MS);
  const recent = await deps.tickets.listTickets({ createdFrom: since });
  const logs = new Map<number, TicketEvent[]>();
  for (const t of recent) {
    logs.set(t.number, await deps.tickets.events(t.number));
  }
  const today = toChinaIso(now).slice(0, 10);
  const offeredToday = new Map<string, number>();
  let groupPosts = 0;
  for (const log of logs.values()) {
    for (const e of log) {
      if (e.type === VOLUNTEER_OFFERED && toChinaIso(e.at).slice(0, 10) === today) {
        const record = readOffer(e.detail);
        groupPosts += record.group === null ? 0 : 1;
        for (const name of record.to) {
          offeredToday.set(name, (offeredToday.get(name) ?? 0) + 1);
        }
      }
    }
  }
  const group = deps.directory.data.groups.find((g) => g.offers)?.topic ?? null;
  const year = Number(today.slice(0, 4));
  let offered = 0;
  const waiting = recent
    .filter((t) => (t.status === 'open' || t.status === 'accepted') && volunteerSuitable(deps.directory, t))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const ticket of waiting) {
    const log = logs.get(ticket.number) ?? [];
    if (log.some((e) => e.type === VOLUNTEER_OFFERED || e.type === 'claimed')) {
      continue;
    }
    const to = pickOfferees(
      volunteersOfGrid(deps.directory, ticket, year),
      offeredToday,
      new Set(ticket.assignees),
    );
    if (to.length === 0) {
      continue;
    }
    const post = group !== null && groupPosts < GROUP_OFFERS_PER_DAY ? group : null;
    if (await offer(deps, ticket, log, { to, group: post }, now)) {
      offered += 1;
      groupPosts += post === null ? 0 : 1;
      for (const name of to) {
        offeredToday.set(name, (offeredToday.get(name) ?? 0) + 1);
      }
    }
  }
  return offered;
}

async function offer(
  deps: OfferDeps,
  t: Ticket,
  log: readonly TicketEvent[],
  record: OfferRecord,
  now: Date,
) {
  const words = maskPersonalData(excerpt(t.text, t.number));
  const text = volunteerOffer(t, words);
  const toGroup = record.group
    ? [
        {
          room: record.group,
          roomId: null,
          to: null,
          toId: null,
          mentions: [],
          mentionIds: [],
          text: groupOffer(t, words),
          sendClass: 'notice' as const,
        },
      ]
    : [];
  const res = await deps.tickets.change(t.number, {
    event: { at: now, actor: deps.directory.botName, type: VOLUNTEER_OFFERED, detail: offeredDetail(record) },
    patch: {},
    expectStatus: [t.status],
    expectSeq: log.at(-1)?.seq ?? 0,
    outbox: [...record.to.map((name) => noticeAbout(t, name, text)), ...toGroup],
  });
  if (res.ok) {
    await deps.queue.enqueueOutbox(res.outboxIds);
  }
  return res.ok;
}
