import * as z from 'zod';

/** Stable label ids from shared/spec/labels.md; code, data, prompts and the evaluation use them. */
export const INTENTS = ['grievance', 'emergency', 'inquiry', 'feedback', 'chatter'] as const;

export const CATEGORIES = [
  'elevator',
  'water_supply',
  'building_repair',
  'power',
  'gas',
  'heating',
  'sanitation',
  'noise',
  'illegal_construction',
  'parking',
  'greenery',
  'road_facility',
  'public_security',
  'fire_safety',
  'property_service',
  'neighbor_dispute',
  'pets',
  'elderly_care',
  'labor_social_security',
  'market_food',
  'pollution',
  'health',
  'consultation',
  'other',
  'none',
] as const;

export const BLOCK_BODIES = ['committee', 'property', 'street_office'] as const;

export const SECTION_BODIES = [
  'urban_mgmt',
  'housing',
  'police',
  'traffic_police',
  'market',
  'environment',
  'civil_affairs',
  'hrss',
  'health',
  'fire',
  'water_co',
  'power_co',
  'gas_co',
  'heating_co',
  'landscaping',
  'municipal',
] as const;

export const BODIES = [...BLOCK_BODIES, ...SECTION_BODIES, 'none'] as const;
export const URGENCIES = ['emergency', 'urgent', 'normal', 'none'] as const;
export const TIAO_KUAI = ['block', 'section', 'none'] as const;

export type Intent = (typeof INTENTS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Body = (typeof BODIES)[number];
export type Urgency = (typeof URGENCIES)[number];
export type TiaoKuai = (typeof TIAO_KUAI)[number];

export const LocationSchema = z.object({
  building: z.number().int().positive().nullable(),
  unit: z.number().int().positive().nullable(),
  room: z.number().int().positive().nullable(),
});
export type Location = z.infer<typeof LocationSchema>;

export const EMPTY_LOCATION: Location = { building: null, unit: null, room: null };

/** Intents that ask someone to do or answer something, so they carry a category and a body. */
export const ACTIONABLE_INTENTS: readonly Intent[] = ['grievance', 'emergency', 'inquiry'];

export function tiaoKuaiOf(body: Body): TiaoKuai {
  if (body === 'none') {
    return 'none';
  }
  return (BLOCK_BODIES as readonly string[]).includes(body) ? 'block' : 'section';
}

export function isActionable(intent: Intent): boolean {
  return ACTIONABLE_INTENTS.includes(intent);
}
