import { describe, expect, it } from 'vitest';
import { landmarkOf, samePlace } from '../../../src/intake/same-place.js';
import type { TicketLocation } from '../../../src/tickets/ticket.js';

const at = (over: Partial<TicketLocation>): TicketLocation => ({
  compound: '幸福里一区',
  building: null,
  unit: null,
  room: null,
  landmark: null,
  ...over,
});

describe('samePlace', () => {
  it('matches on the building when either names one, whatever the unit', () => {
    expect(samePlace(at({ building: 3, unit: 2 }), at({ building: 3 }))).toBe(true);
    expect(samePlace(at({ building: 3 }), at({ building: 4 }))).toBe(false);
    expect(samePlace(at({ building: 3 }), at({}))).toBe(false);
  });

  it('matches on the landmark when neither names a building', () => {
    expect(samePlace(at({ landmark: '明德路' }), at({ landmark: '明德路' }))).toBe(true);
    expect(samePlace(at({ landmark: '明德路' }), at({ landmark: '东门' }))).toBe(false);
    expect(samePlace(at({ landmark: '明德路' }), at({}))).toBe(false);
  });

  it('falls back to the compound, which must be known', () => {
    expect(samePlace(at({}), at({}))).toBe(true);
    expect(samePlace(at({}), at({ compound: '锦苑' }))).toBe(false);
    expect(samePlace(at({ compound: null }), at({ compound: null }))).toBe(false);
  });
});

describe('landmarkOf', () => {
  const directory = { data: { streets: ['明德路'] } } as Parameters<typeof landmarkOf>[0];

  it('names a directory street first, then a common landmark, else nothing', () => {
    expect(landmarkOf(directory, '明德路菜市场门口的路灯坏了')).toBe('明德路');
    expect(landmarkOf(directory, '小区东门的栏杆坏了')).toBe('东门');
    expect(landmarkOf(directory, '电梯又坏了')).toBeNull();
  });
});
