import type { Directory } from '../directory/directory.js';
import { BODIES, CATEGORIES, type Category } from '../labels/labels.js';
import type { Ticket, TicketEvent, TicketStatus } from '../tickets/ticket.js';
import type { TicketStore } from '../tickets/ticket-store.js';
import { categoryName, publicPlaceText } from '../tickets/ticket-text.js';
import { bodyName } from './digest-text.js';
import { loadRatesInput } from './load-rates-input.js';
import { computePartyOrgRates, type PartyOrgRates, totalFormalism } from './party-org-rates.js';
import { monthRange, type PeriodRange } from './period.js';
import {
  type BranchResult,
  branchResults,
  type MemberResult,
  memberResults,
  pointMembers,
} from './points.js';
import {
  computeRates,
  computeRatesBy,
  computeRatesByKeys,
  type Rates,
  type RatesInput,
  receivedCohort,
} from './rates.js';
import {
  breachedDeadline,
  isConfirmed,
  isResolvedNow,
  lastResolvedAt,
  openOverdueFor,
  resolvedLate,
  respondedAt,
  respondedLate,
  wasDeclaredResolved,
} from './ticket-facts.js';

export type MonthlyReportDeps = {
  tickets: Pick<TicketStore, 'listTickets' | 'events'>;
  directory: Directory;
};

/** One line of a breakdown: a category or a body, with the same figures as the totals. */
export type GroupRates = { key: string; name: string; rates: Rates };

/** Why a declared resolution is not confirmed: awaiting the reporter, 不满意, no answer in time, reopened. */
export type UnconfirmedReason = 'awaiting' | 'unsatisfied' | 'timeout' | 'reopened';

/** A ticket the month's report lists: past a deadline, or resolved without the reporter's 满意. */
export type AttentionTicket = {
  number: number;
  category: string;
  body: string;
  grid: string | null;
  /** Where, without the reporter's room (their home). */
  place: string;
  createdAt: Date;
  respondBy: Date | null;
  resolveBy: Date | null;
  status: TicketStatus;
  /** Counted in the `overdue` figure: open past a deadline now, or this month's and late at some point. */
  overdue: boolean;
  /** How far past its deadline: still owed now, or how late it was answered; null when only flagged. */
  overdueMs: number | null;
  /** Why the reporter has not confirmed; null when confirmed or never declared resolved. */
  unconfirmed: UnconfirmedReason | null;
};

/** A party organisation's figures, with its members' points when it is a branch with members. */
export type PartyOrgRow = PartyOrgRates & { points: Omit<BranchResult, 'branch'> | null };

/** The monthly report's data (12345 bulletin shape): the figures of `统计` for one China-time month. */
export type MonthlyReport = {
  month: string;
  community: string;
  range: PeriodRange;
  /** The moment the figures are taken at (overdue and awaiting states are as of then). */
  now: Date;
  totals: Rates;
  categories: GroupRates[];
  bodies: GroupRates[];
  attention: AttentionTicket[];
  /** Every grid party branch (directory order), then the paired organisations with figures. */
  partyOrgs: PartyOrgRow[];
  members: MemberResult[];
};

/**
 * The report of month `YYYY-MM` as of `now`, computed as `统计` computes its figures (same functions). Tickets
 * created after the month are left out, so for the current month the numbers are those of `统计 本月` and for
 * a past month its open overdue ones are that month's or older. Throws a RangeError for a malformed month.
 */
export async function buildMonthlyReport(
  deps: MonthlyReportDeps,
  input: { month: string; now: Date },
): Promise<MonthlyReport> {
  const range = monthRange(input.month);
  if (!range) {
    throw new RangeError(`not a month as YYYY-MM: ${input.month}`);
  }
  const { now } = input;
  const all = await deps.tickets.listTickets();
  const events = new Map<number, TicketEvent[]>();
  for (const t of all) {
    events.set(t.number, await deps.tickets.events(t.number));
  }
  // one read of the store serves both the rates (loadRatesInput) and the points (every ticket, as 排行)
  const snapshot = { listTickets: async () => all, events: async (n: number) => events.get(n) ?? [] };
  const rates = await loadRatesInput(
    { tickets: snapshot },
    { ...range, now, scope: (t) => t.createdAt < range.to },
  );
  const members = memberResults(all, events, range, pointMembers(deps.directory));
  return {
    month: input.month,
    community: deps.directory.data.community,
    range,
    now,
    totals: computeRates(rates),
    categories: categoryRates(rates),
    bodies: bodyRates(rates, deps.directory),
    attention: attentionList(rates, deps.directory),
    partyOrgs: partyOrgRows(rates, deps.directory, branchResults(members)),
    members,
  };
}

/** Rates per category in the label order; `none` (not classified) counts with `other`, as both read 其他. */
function categoryRates(input: RatesInput): GroupRates[] {
  const keyOf = (t: Ticket): Category => (t.category === 'none' ? 'other' : t.category);
  return [...computeRatesByKeys(input, (t) => [keyOf(t)])]
    .map(([key, rates]) => ({ key, name: categoryName(key as Category), rates }))
    .sort((a, b) => CATEGORIES.indexOf(a.key as Category) - CATEGORIES.indexOf(b.key as Category));
}

/** Rates per body, as `统计`'s lines, in the label order. */
function bodyRates(input: RatesInput, directory: Directory): GroupRates[] {
  const rank = (key: string) => BODIES.indexOf(key as (typeof BODIES)[number]);
  return [...computeRatesBy(input, 'body')]
    .map(([key, rates]) => ({ key, name: bodyName(directory, key), rates }))
    .sort((a, b) => rank(a.key) - rank(b.key));
}

/**
 * The tickets behind the `overdue` figure (open past a deadline now, or this month's and late at some point)
 * and this month's declared resolutions the reporter has not confirmed (the rest of the confirmed-resolution
 * rate's denominator), by number.
 */
function attentionList(input: RatesInput, directory: Directory): AttentionTicket[] {
  const { now } = input;
  const cohort = new Set(receivedCohort(input).map((t) => t.number));
  const rows: AttentionTicket[] = [];
  for (const t of input.tickets) {
    const log = input.events.get(t.number) ?? [];
    const mine = cohort.has(t.number);
    const overdue = openOverdueFor(t, log, now) !== null || (mine && breachedDeadline(t, log, now));
    const unconfirmed = mine ? unconfirmedReason(t, log) : null;
    if (!overdue && unconfirmed === null) {
      continue;
    }
    rows.push({
      number: t.number,
      category: categoryName(t.category),
      body:
        t.body === 'none'
          ? bodyName(directory, 'none')
          : directory.bodyDisplayName(t.body, t.location.compound),
      grid: t.grid,
      place: publicPlaceText(t),
      createdAt: t.createdAt,
      respondBy: t.respondBy,
      resolveBy: t.resolveBy,
      status: t.status,
      overdue,
      overdueMs: overdue ? latenessMs(t, log, now) : null,
      unconfirmed,
    });
  }
  return rows.sort((a, b) => a.number - b.number);
}

function unconfirmedReason(t: Ticket, log: readonly TicketEvent[]): UnconfirmedReason | null {
  if (!wasDeclaredResolved(t, log) || isConfirmed(t)) {
    return null;
  }
  switch (t.status) {
    case 'resolved':
      return 'awaiting';
    case 'closed':
      return 'timeout';
    default:
      return t.confirmation === 'unsatisfied' ? 'unsatisfied' : 'reopened';
  }
}

/** The longest a deadline was (or is) passed by: still owed now, or answered late; null when none is known. */
function latenessMs(t: Ticket, log: readonly TicketEvent[], now: Date): number | null {
  const late: number[] = [];
  const owed = openOverdueFor(t, log, now);
  if (owed !== null) {
    late.push(owed);
  }
  if (t.respondBy !== null && respondedLate(t, log, now)) {
    late.push((respondedAt(t, log) ?? now).getTime() - t.respondBy.getTime());
  }
  if (t.resolveBy !== null && resolvedLate(t, log, now)) {
    const at = isResolvedNow(t) ? lastResolvedAt(t, log) : now;
    late.push((at ?? now).getTime() - t.resolveBy.getTime());
  }
  return late.length === 0 ? null : Math.max(...late);
}

/**
 * `统计`'s per-organisation figures, every grid party branch listed (with zeros when it had nothing) and
 * joined with its members' points from `排行`.
 */
function partyOrgRows(input: RatesInput, directory: Directory, branches: BranchResult[]): PartyOrgRow[] {
  const orgs = computePartyOrgRates(input, directory);
  const byName = new Map(orgs.map((o) => [o.name, o]));
  const nothing = computeRates({ ...input, tickets: [] });
  const grids: PartyOrgRates[] = directory.data.grids.map(
    (g) =>
      byName.get(g.party_branch) ?? {
        name: g.party_branch,
        role: 'grid_branch',
        contact: g.secretary,
        rates: nothing,
        formalism: totalFormalism([]),
      },
  );
  const gridNames = new Set(grids.map((g) => g.name));
  const points = new Map(branches.map(({ branch, ...rest }) => [branch, rest]));
  return [...grids, ...orgs.filter((o) => !gridNames.has(o.name))].map((o) => ({
    ...o,
    points: points.get(o.name) ?? null,
  }));
}
