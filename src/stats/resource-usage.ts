import type { ResourceData } from '../directory/schema.js';
import type { Category } from '../labels/labels.js';
import { hasSkillFor } from '../routing/match-resources.js';
import { engagementsOf } from '../tickets/resource-engagements.js';
import type { Ticket, TicketEvent } from '../tickets/ticket.js';
import { type Ratio, ratio } from './rates.js';
import { isCounted } from './ticket-facts.js';

export type ResourceUsageInput = {
  resources: readonly ResourceData[];
  tickets: readonly Ticket[];
  events: ReadonlyMap<number, readonly TicketEvent[]>;
  from: Date;
  to: Date;
};

/** Which resources helped in a period, which did not, and which needs no resource could meet (赋能支撑). */
export type ResourceUsage = {
  /** Engagements (对接) made in the period. */
  engagements: number;
  /** Resources engaged in the period with their counts, most used first; over the directory's resources. */
  used: { name: string; count: number }[];
  /** Resources of the directory not engaged in the period, in directory order. */
  unused: string[];
  resourceCount: number;
  /** Needs (grievances and emergencies opened in the period) that some resource has a skill for. */
  needsWithResource: Ratio;
  /** Of those, the ones a resource was engaged on: help that reached the need rather than stayed on paper. */
  engagedOfMatched: Ratio;
  /** Needs no resource has a skill for, with the categories they were in, most frequent first. */
  needsWithout: Ratio;
  withoutByCategory: { category: Category; count: number }[];
};

const inPeriod = (at: Date, from: Date, to: Date) => at >= from && at < to;

export function computeResourceUsage(input: ResourceUsageInput): ResourceUsage {
  const { resources, tickets, events, from, to } = input;
  const counts = new Map<string, number>();
  let engagements = 0;
  for (const t of tickets) {
    for (const e of engagementsOf(events.get(t.number) ?? [])) {
      if (inPeriod(e.at, from, to)) {
        engagements += 1;
        counts.set(e.resource, (counts.get(e.resource) ?? 0) + 1);
      }
    }
  }
  const needs = tickets.filter(
    (t) =>
      inPeriod(t.createdAt, from, to) &&
      isCounted(t) &&
      (t.intent === 'grievance' || t.intent === 'emergency'),
  );
  const matched = needs.filter((t) =>
    hasSkillFor(resources, { category: t.category, text: t.text, compound: t.location.compound }),
  );
  const engagedOn = matched.filter((t) => engagementsOf(events.get(t.number) ?? []).length > 0);
  const without = needs.filter((t) => !matched.includes(t));
  const byCategory = new Map<Category, number>();
  for (const t of without) {
    byCategory.set(t.category, (byCategory.get(t.category) ?? 0) + 1);
  }
  return {
    engagements,
    used: resources
      .filter((r) => counts.has(r.name))
      .map((r) => ({ name: r.name, count: counts.get(r.name) ?? 0 }))
      .sort((a, b) => b.count - a.count),
    unused: resources.filter((r) => !counts.has(r.name)).map((r) => r.name),
    resourceCount: resources.length,
    needsWithResource: ratio(matched.length, needs.length),
    engagedOfMatched: ratio(engagedOn.length, matched.length),
    needsWithout: ratio(without.length, needs.length),
    withoutByCategory: [...byCategory]
      .map(([category, count]) => ({ category, count }))
      .sort((a, b) => b.count - a.count),
  };
}
