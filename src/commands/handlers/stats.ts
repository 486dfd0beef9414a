import type { Person } from '../../directory/directory.js';
import { bodyName } from '../../stats/digest-text.js';
import { loadRatesInput } from '../../stats/load-rates-input.js';
import { computePartyOrgRates } from '../../stats/party-org-rates.js';
import { periodRange } from '../../stats/period.js';
import { computeRates, computeRatesBy } from '../../stats/rates.js';
import { bodyLine, partyOrgLine, periodText, statsReplies } from '../../stats/replies.js';
import { isSupervisor } from '../authorize.js';
import type { CommandHandler } from './context.js';
import { done } from './context.js';

/**
 * 统计 [今天|本周|本月]: the period's honest figures, privately. Supervisors see the whole community and
 * one line per body; a branch secretary sees the grids their branch answers for. Both see one line per party
 * organisation in their scope (grid party branches and the bodies' paired organisations).
 */
export const stats: CommandHandler<'stats'> = async (deps, ctx, command) => {
  const range = periodRange(command.period, ctx.now);
  const supervisor = isSupervisor(ctx.person);
  const grids = ctx.person.grids;
  if (!supervisor && grids.length === 0) {
    return done(null, [ctx.privately(statsReplies.statsNoScope())]);
  }
  const input = await loadRatesInput(deps, {
    ...range,
    now: ctx.now,
    ...(supervisor ? {} : { scope: (t) => t.grid !== null && grids.includes(t.grid) }),
  });
  const bodies = supervisor
    ? [...computeRatesBy(input, 'body')].map(([key, r]) => bodyLine(bodyName(deps.directory, key), r))
    : [];
  const orgs = computePartyOrgRates(input, deps.directory).map((o) =>
    partyOrgLine(o.name, o.contact, o.rates, o.formalism),
  );
  const text = statsReplies.stats(
    scopeName(ctx.person, supervisor, deps.directory.data.community),
    command.period,
    periodText(range),
    computeRates(input),
    bodies,
    orgs,
  );
  return done(null, [ctx.privately(text)]);
};

function scopeName(person: Person, supervisor: boolean, community: string): string {
  return supervisor ? community : person.grids.join('、');
}
