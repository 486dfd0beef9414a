import { describe, expect, it } from 'vitest';
import { alsoPlausible } from '../../../src/intake/related-tickets.js';
import { subjectOf } from '../../../src/intake/subject.js';

describe('subjectOf', () => {
  it('is the likeliest category when it is more likely than all others together', () => {
    expect(subjectOf({ category_probabilities: { power: 0.93, building_repair: 0.07 } })).toBe('power');
    expect(subjectOf({ category_probabilities: { water_supply: 0.5, building_repair: 0.3 } })).toBe(
      'water_supply',
    );
  });

  it('is nothing when no category is that likely, or the likeliest names no problem', () => {
    expect(subjectOf({ category_probabilities: { power: 0.47, consultation: 0.12 } })).toBeUndefined();
    expect(subjectOf({ category_probabilities: { consultation: 0.81, other: 0.11 } })).toBeUndefined();
    expect(subjectOf({ category_probabilities: { other: 0.9 } })).toBeUndefined();
    expect(subjectOf({ category_probabilities: {} })).toBeUndefined();
    expect(subjectOf({})).toBeUndefined();
  });
});

describe('alsoPlausible', () => {
  it('offers the other likely categories that name a problem, never a question or other', () => {
    expect(
      alsoPlausible({
        category: 'gas',
        category_probabilities: {
          gas: 0.5,
          consultation: 0.3,
          building_repair: 0.21,
          other: 0.25,
          power: 0.1,
        },
      }),
    ).toEqual(['building_repair']);
  });
});
