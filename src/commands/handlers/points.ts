import { type PeriodRange, periodRange, type StatsPeriod } from '../../stats/period.js';
import { branchResults, memberResults, pointMembers } from '../../stats/points.js';
import { pointsReplies } from '../../stats/points-text.js';
import { periodText } from '../../stats/replies.js';
import type { TicketEvent } from '../../tickets/ticket.js';
import { isSupervisor } from '../authorize.js';
import type { CommandHandler, HandlerDeps } from './context.js';
import { done } from './context.js';

const EVER: PeriodRange = { from: new Date(0), to: new Date(8.64e15) };

async function results(deps: HandlerDeps, range: PeriodRange) {
  const tickets = await deps.tickets.listTickets();
  const events = new Map<number, TicketEvent[]>();
  for (const t of tickets) {
    events.set(t.number, await deps.tickets.events(t.number));
  }
  return memberResults(tickets, events, range, pointMembers(deps.directory));
}

/** 我的积分 [本月]: a party member's points from confirmed results, this month and in all, privately. */
export const myPoints: CommandHandler<'my_points'> = async (deps, ctx, command) => {
  const period: StatsPeriod = command.period ?? 'month';
  const range = periodRange(period, ctx.now);
  const mine = (list: Awaited<ReturnType<typeof results>>) =>
    list.find((m) => m.name === ctx.person.name) ?? {
      ...{ name: ctx.person.name, branch: null, claimed: 0, confirmed: 0, points: 0 },
      tickets: [],
    };
  const now = mine(await results(deps, range));
  const total = mine(await results(deps, EVER)).points;
  return done(null, [ctx.privately(pointsReplies.mine(period, periodText(range), now, total))]);
};

/**
 * 排行 [本月]: members and party branches ranked on confirmed results, with claimed as the denominator.
 * Supervisors see everyone; a branch secretary their branch's members and the branches' totals.
 */
export const ranking: CommandHandler<'ranking'> = async (deps, ctx, command) => {
  const period: StatsPeriod = command.period ?? 'month';
  const range = periodRange(period, ctx.now);
  const all = await results(deps, range);
  const branches = new Set(
    deps.directory.data.grids.filter((g) => ctx.person.grids.includes(g.name)).map((g) => g.party_branch),
  );
  const own = new Set([
    ...all.filter((m) => m.branch !== null && branches.has(m.branch)).map((m) => m.name),
    ...deps.directory.data.volunteers.filter((v) => ctx.person.grids.includes(v.grid)).map((v) => v.name),
  ]);
  const members = isSupervisor(ctx.person) ? all : all.filter((m) => own.has(m.name));
  return done(null, [
    ctx.privately(pointsReplies.ranking(period, periodText(range), members, branchResults(all))),
  ]);
};
