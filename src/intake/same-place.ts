import type { Directory } from '../directory/directory.js';
import type { TicketLocation } from '../tickets/ticket.js';
import type { PlaceKey } from '../tickets/ticket-queries.js';

/** Common public landmarks residents name when there is no building (菜市场门口, 东门, 公交站). */
const LANDMARK =
  /(?:菜市场|农贸市场|超市|小学|中学|幼儿园|学校|医院|卫生服务中心|公交站|候车亭|天桥|街心公园|公园|广场|篮球场|健身器材|垃圾站|快递柜|停车场|地下车库|东门|西门|南门|北门|正门|大门|后门)/;

/** The landmark a message names (a directory street first, then a common landmark), when it names no building. */
export function landmarkOf(directory: Pick<Directory, 'data'>, text: string): string | null {
  const street = directory.data.streets.find((s) => text.includes(s));
  if (street) {
    return street;
  }
  return LANDMARK.exec(text)?.[0] ?? null;
}

/**
 * Whether two tickets are about the same place: the same building when either names one; otherwise the same
 * landmark when both name one; otherwise the same compound (neither naming a building or landmark).
 */
export function samePlace(a: TicketLocation, b: TicketLocation): boolean {
  if (a.building !== null || b.building !== null) {
    return a.building === b.building;
  }
  if (a.landmark !== null || b.landmark !== null) {
    return a.landmark === b.landmark;
  }
  return a.compound !== null && a.compound === b.compound;
}

/**
 * The place as the store matches it, read exactly as samePlace reads it: a ticket is at the same place as
 * `location` when its columns match the key. Null when no ticket can be (no building, landmark or compound).
 */
export function placeKey(location: TicketLocation): PlaceKey | null {
  if (location.building !== null) {
    return { building: location.building };
  }
  if (location.landmark !== null) {
    return { building: null, landmark: location.landmark };
  }
  return location.compound !== null ? { building: null, landmark: null, compound: location.compound } : null;
}
