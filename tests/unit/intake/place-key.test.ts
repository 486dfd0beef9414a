import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeKey, samePlace } from '../../../src/intake/same-place.js';
import type { TicketLocation } from '../../../src/tickets/ticket.js';
import type { PlaceKey } from '../../../src/tickets/ticket-queries.js';

/** How the store matches a ticket's columns against a key (src/store/intake-queries.ts, wherePlace). */
function storeMatches(key: PlaceKey, t: TicketLocation): boolean {
  if ('area' in key) {
    return t.compound === key.area;
  }
  if (key.building !== null) {
    return t.building === key.building;
  }
  if (key.landmark !== null) {
    return t.building === null && t.landmark === key.landmark;
  }
  return t.building === null && t.landmark === null && t.compound === key.compound;
}

const location: fc.Arbitrary<TicketLocation> = fc.record({
  compound: fc.constantFrom(null, '幸福里一区', '锦苑'),
  building: fc.constantFrom(null, 3, 4),
  unit: fc.constantFrom(null, 2),
  room: fc.constant(null),
  landmark: fc.constantFrom(null, '东门', '明德路'),
});

describe('placeKey', () => {
  it('matches in the store exactly the tickets samePlace reads as the same place', () => {
    fc.assert(
      fc.property(location, location, (problem, ticket) => {
        const key = placeKey(problem);

        const matched = key !== null && storeMatches(key, ticket);

        expect(matched).toBe(samePlace(ticket, problem));
      }),
    );
  });

  it('gives no key for a place without building, landmark or compound', () => {
    const nowhere = { compound: null, building: null, unit: 1, room: null, landmark: null };

    expect(placeKey(nowhere)).toBeNull();
    expect(placeKey({ ...nowhere, building: 5 })).toEqual({ building: 5 });
  });
});
