import type { Directory, Person } from '../directory/directory.js';
import type { Ticket } from '../tickets/ticket.js';
import { bodyName } from './digest-text.js';
import { type LoadRatesDeps, loadRatesInput } from './load-rates-input.js';
import { computePartyOrgRates, type PartyOrgRates } from './party-org-rates.js';
import type { PeriodRange } from './period.js';
import { computeRates, computeRatesBy, type Rates, type RatesInput } from './rates.js';

/** What a person may count: supervisors the whole community, anyone else the grids they answer for. */
export type StatsScope = { all: true } | { all: false; grids: readonly string[] };

export function statsScopeOf(person: Person): StatsScope | null {
  if (person.roles.includes('supervisor')) {
    return { all: true };
  }
  return person.grids.length > 0 ? { all: false, grids: person.grids } : null;
}

export const inStatsScope = (scope: StatsScope, t: Ticket): boolean =>
  scope.all || (t.grid !== null && scope.grids.includes(t.grid));

/**
 * The figures of `统计` for one scope and period: the totals, one line per body (whole community only) and
 * one per party organisation. The chat command and the dashboard both read them from here.
 */
export type ScopedStats = {
  input: RatesInput;
  rates: Rates;
  bodies: Array<{ key: string; name: string; rates: Rates }>;
  partyOrgs: PartyOrgRates[];
};

export async function scopedStats(
  deps: LoadRatesDeps & { directory: Directory },
  scope: StatsScope,
  range: PeriodRange & { now: Date },
): Promise<ScopedStats> {
  const input = await loadRatesInput(deps, {
    ...range,
    ...(scope.all ? {} : { scope: (t: Ticket) => inStatsScope(scope, t) }),
  });
  const bodies = scope.all
    ? [...computeRatesBy(input, 'body')].map(([key, rates]) => ({
        key,
        name: bodyName(deps.directory, key),
        rates,
      }))
    : [];
  return {
    input,
    rates: computeRates(input),
    bodies,
    partyOrgs: computePartyOrgRates(input, deps.directory),
  };
}
