import type { Body, Category } from '../labels/labels.js';

/** Where a matter is, as far as deciding its body goes. */
export type BodyPlace = {
  /** On a public street (its road, trees, lamps, shops) or inside a compound. */
  kind: 'street' | 'compound';
  /** false for a compound without a property company (an old compound, 老旧小区). */
  hasProperty: boolean;
};

type Rule = {
  /** Inside a compound that has a property company. */
  compound: Body;
  /** Inside a compound without one (when it differs). */
  noProperty?: Body;
  /** On a public street (when it differs). */
  street?: Body;
  /** Other bodies that may take this category for a specific matter (年检 → market, 维修基金 → housing…). */
  also: readonly Body[];
  /** The one body for an emergency of this category, wherever it is (the emergency service that acts). */
  emergency?: Body;
};

/**
 * The one table of who acts on what: category and place give the default body; a learned or stated
 * suggestion may pick one of the category's other bodies, and nothing else (labels.md, fixture-community.md).
 */
const BODY_TABLE: Record<Exclude<Category, 'none'>, Rule> = {
  elevator: { compound: 'property', noProperty: 'housing', also: ['market', 'housing', 'committee'] },
  water_supply: { compound: 'water_co', also: ['property'] },
  building_repair: { compound: 'property', noProperty: 'housing', also: ['housing', 'street_office'] },
  power: { compound: 'power_co', also: [] },
  gas: { compound: 'gas_co', also: [] },
  heating: { compound: 'heating_co', also: [] },
  sanitation: {
    compound: 'property',
    noProperty: 'committee',
    street: 'urban_mgmt',
    also: ['urban_mgmt', 'committee'],
  },
  noise: { compound: 'police', also: ['urban_mgmt', 'environment', 'property', 'committee'] },
  illegal_construction: { compound: 'urban_mgmt', also: ['housing', 'property'] },
  parking: {
    compound: 'property',
    noProperty: 'committee',
    street: 'traffic_police',
    also: ['traffic_police', 'committee'],
  },
  greenery: {
    compound: 'property',
    noProperty: 'committee',
    street: 'landscaping',
    also: ['landscaping', 'committee'],
  },
  road_facility: { compound: 'municipal', also: ['traffic_police', 'property'] },
  public_security: { compound: 'police', also: ['property'] },
  fire_safety: {
    compound: 'property',
    noProperty: 'committee',
    street: 'fire',
    also: ['fire', 'committee'],
    emergency: 'fire',
  },
  property_service: { compound: 'property', noProperty: 'housing', also: ['housing', 'street_office'] },
  neighbor_dispute: { compound: 'committee', also: ['police'] },
  pets: { compound: 'committee', also: ['police'], emergency: 'police' },
  // an elder who may have collapsed behind a locked door: the police open it (labels.md)
  elderly_care: { compound: 'civil_affairs', also: ['committee', 'police'], emergency: 'police' },
  labor_social_security: { compound: 'hrss', also: ['street_office'] },
  market_food: { compound: 'market', also: ['urban_mgmt'] },
  pollution: { compound: 'environment', also: ['urban_mgmt'] },
  health: { compound: 'health', also: [] },
  // a question may be for anyone who knows the answer; the committee when nobody in particular does
  consultation: {
    compound: 'committee',
    also: [
      'property',
      'police',
      'housing',
      'traffic_police',
      'civil_affairs',
      'hrss',
      'street_office',
      'health',
      'water_co',
      'power_co',
      'gas_co',
      'heating_co',
      'urban_mgmt',
    ],
  },
  other: { compound: 'committee', also: ['street_office'] },
};

/** How much the place's default is preferred over another allowed body when a suggestion is unsure. */
const DEFAULT_PREFERENCE = 0.1;

/** What a property company's work falls to where a compound has none. */
function standIn(rule: Rule, category: Category): Body {
  if (rule.noProperty) {
    return rule.noProperty;
  }
  return category === 'water_supply' || category === 'heating' ? 'housing' : 'committee';
}

/**
 * The bodies allowed for a category at a place, the place's default first. On a public street no property
 * company answers for a matter that is a department's by default; an emergency has its one service.
 */
export function allowedBodies(category: Category, place: BodyPlace, emergency = false): Body[] {
  if (category === 'none') {
    return ['none'];
  }
  const rule = BODY_TABLE[category];
  if (emergency && rule.emergency) {
    return [rule.emergency];
  }
  const placed = (b: Body): Body =>
    b === 'property' && place.kind === 'compound' && !place.hasProperty ? standIn(rule, category) : b;
  const primary =
    place.kind === 'street'
      ? (rule.street ?? rule.compound)
      : place.hasProperty
        ? rule.compound
        : (rule.noProperty ?? placed(rule.compound));
  const also = rule.also.filter((b) => !(place.kind === 'street' && b === 'property'));
  return [...new Set([primary, ...also.map(placed)])];
}

/**
 * The body for a category at a place: the place's default, or the allowed body a suggestion (the learned
 * body head, or an LLM's answer) prefers by more than a small margin. A suggestion outside the table is ignored.
 */
export function bodyFor(
  category: Category,
  place: BodyPlace,
  suggestion?: ReadonlyMap<string, number>,
  emergency = false,
): { body: Body; cue: string } {
  const allowed = allowedBodies(category, place, emergency);
  const primary = allowed[0] as Body;
  if (!suggestion) {
    return { body: primary, cue: `body:${place.kind}${place.hasProperty ? '' : '(no property)'}→${primary}` };
  }
  let best = primary;
  let bestScore = (suggestion.get(primary) ?? 0) + DEFAULT_PREFERENCE;
  for (const body of allowed.slice(1)) {
    const score = suggestion.get(body) ?? 0;
    if (score > bestScore) {
      best = body;
      bestScore = score;
    }
  }
  return { body: best, cue: best === primary ? `body:default→${best}` : `body:suggested→${best}` };
}

/**
 * The body a label would have at a compound with a property company: what the body head learns, so that
 * it learns the matter, not the place (a 二区 roof leak labelled housing teaches "the compound's manager").
 */
export function placeNeutralBody(category: Category, body: Body, place: BodyPlace): Body {
  if (category === 'none' || body === 'none') {
    return body;
  }
  const rule = BODY_TABLE[category];
  const primary = allowedBodies(category, place)[0];
  if (body === primary && primary !== rule.compound) {
    return rule.compound;
  }
  return body;
}
