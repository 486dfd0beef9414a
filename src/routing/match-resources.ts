import type { ResourceData } from '../directory/schema.js';
import type { Category } from '../labels/labels.js';
import { type CapacityLeft, capacityLeft, type ResourceLoad, remainingOf } from './resource-load.js';

/** What a ticket needs, as far as matching reads it. */
export type Need = { category: Category; text: string; compound: string | null };

export type ResourceMatch = {
  resource: ResourceData;
  /** 2 for the ticket's category, 1 for each of the resource's words in the text. */
  score: number;
  /** The resource serves the ticket's compound by name (a local team), not the whole community. */
  local: boolean;
  left: CapacityLeft;
  remaining: number;
};

/** Whether the resource has a skill for the need at its place, and how well it fits; 0 when it has none. */
export function skillScore(resource: ResourceData, need: Need): number {
  const { categories, keywords, compounds } = resource.skills;
  if (compounds.length > 0 && (need.compound === null || !compounds.includes(need.compound))) {
    return 0;
  }
  const byCategory = categories.includes(need.category as (typeof categories)[number]) ? 2 : 0;
  return byCategory + keywords.filter((k) => need.text.includes(k)).length;
}

/**
 * The resources with a skill for the need, best first: the better fit, then a team of the ticket's own
 * compound, then the one with more capacity left, then directory order. Resources at capacity are left out
 * (`atCapacity` names them, so a caller can say why a known helper is missing).
 */
export function matchResources(
  resources: readonly ResourceData[],
  need: Need,
  load: ResourceLoad,
): { matches: ResourceMatch[]; atCapacity: ResourceData[] } {
  const fitting = resources.flatMap((resource, order) => {
    const score = skillScore(resource, need);
    if (score === 0) {
      return [];
    }
    const left = capacityLeft(resource, load);
    const local = need.compound !== null && resource.skills.compounds.includes(need.compound);
    return [{ resource, score, local, left, remaining: remainingOf(left), order }];
  });
  const matches = fitting
    .filter((m) => m.remaining > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(b.local) - Number(a.local) ||
        b.remaining - a.remaining ||
        a.order - b.order,
    )
    .map(({ order: _order, ...m }) => m);
  const atCapacity = fitting.filter((m) => m.remaining <= 0).map((m) => m.resource);
  return { matches, atCapacity };
}

/** Whether any resource has a skill for the need, whatever its capacity (a need the community can meet). */
export const hasSkillFor = (resources: readonly ResourceData[], need: Need): boolean =>
  resources.some((r) => skillScore(r, need) > 0);

/** The resource a person typed: its exact name, else the one name that contains the words; null otherwise. */
export function findResource(resources: readonly ResourceData[], typed: string): ResourceData | null {
  const words = typed.trim();
  if (words.length === 0) {
    return null;
  }
  const exact = resources.find((r) => r.name === words);
  if (exact) {
    return exact;
  }
  const partial = resources.filter((r) => r.name.includes(words) || words.startsWith(r.name));
  return partial.length === 1 ? (partial[0] ?? null) : null;
}
