import type { Person } from '../../directory/directory.js';
import { periodRange } from '../../stats/period.js';
import { bodyLine, partyOrgLine, periodText, statsReplies } from '../../stats/replies.js';
import { scopedStats, statsScopeOf } from '../../stats/scoped-stats.js';
import type { CommandHandler } from './context.js';
import { done } from './context.js';

/**
 * 统计 [今天|本周|本月]: the period's honest figures, privately. Supervisors see the whole community and
 * one line per body; a branch secretary sees the grids their branch answers for. Both see one line per party
 * organisation in their scope (grid party branches and the bodies' paired organisations).
 */
export const stats: CommandHandler<'stats'> = async (deps, ctx, command) => {
  const range = periodRange(command.period, ctx.now);
  const scope = statsScopeOf(ctx.person);
  if (scope === null) {
    return done(null, [ctx.privately(statsReplies.statsNoScope())]);
  }
  const figures = await scopedStats(deps, scope, { ...range, now: ctx.now });
  const text = statsReplies.stats(
    scopeName(ctx.person, scope.all, deps.directory.data.community),
    command.period,
    periodText(range),
    figures.rates,
    figures.bodies.map((b) => bodyLine(b.name, b.rates)),
    figures.partyOrgs.map((o) => partyOrgLine(o.name, o.contact, o.rates, o.formalism)),
  );
  return done(null, [ctx.privately(text)]);
};

function scopeName(person: Person, supervisor: boolean, community: string): string {
  return supervisor ? community : person.grids.join('、');
}
