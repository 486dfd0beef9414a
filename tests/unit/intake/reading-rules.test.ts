import { describe, expect, it } from 'vitest';
import { onIntakeClock } from '../../../src/intake/accept-message.js';
import { readsAsFollowUp } from '../../../src/intake/follow-up.js';
import { anotherProblem } from '../../../src/intake/read-request.js';
import { joinTexts } from '../../../src/intake/supplement-ticket.js';
import type { Classification } from '../../../src/labels/classification.js';
import type { Ticket } from '../../../src/tickets/ticket.js';

const c = (over: Partial<Classification>): Classification => ({
  intent: 'grievance',
  category: 'elevator',
  body: 'property',
  tiao_kuai: 'block',
  urgency: 'normal',
  location: { building: null, unit: null, room: null },
  compound: null,
  place: 'unknown',
  probabilities: {},
  emergency_check: false,
  confidence: 0.9,
  source: 'local',
  cues: [],
  ...over,
});

const lift = {
  intent: 'grievance',
  category: 'elevator',
  location: { compound: '幸福里一区', building: 3, unit: null, room: null, landmark: null },
} as Ticket;

describe('anotherProblem', () => {
  it('keeps a message without a building of its own in the request', () => {
    expect(anotherProblem(c({ category: 'sanitation' }), lift)).toBe(false);
    expect(anotherProblem(c({ location: { building: 3, unit: 2, room: null } }), lift)).toBe(false);
    expect(anotherProblem(c({ intent: 'chatter', category: 'none' }), lift)).toBe(false);
  });

  it('splits off a different category with a building, and an emergency', () => {
    expect(
      anotherProblem(c({ category: 'sanitation', location: { building: 4, unit: null, room: null } }), lift),
    ).toBe(true);
    expect(anotherProblem(c({ intent: 'emergency' }), lift)).toBe(true);
  });
});

describe('readsAsFollowUp', () => {
  it('links a follow-up phrasing even when the classifier guesses a category', () => {
    expect(
      readsAsFollowUp('怎么还没修', c({ category: 'labor_social_security', confidence: 0.45 }), lift),
    ).toBe(true);
  });

  it('does not link a sure report of another problem, another building or an emergency', () => {
    expect(readsAsFollowUp('楼道灯还没人修', c({ category: 'building_repair', confidence: 0.9 }), lift)).toBe(
      false,
    );
    expect(readsAsFollowUp('还没人来', c({ location: { building: 8, unit: null, room: null } }), lift)).toBe(
      false,
    );
    expect(readsAsFollowUp('还没人来，有人晕倒了', c({ intent: 'emergency' }), lift)).toBe(false);
  });
});

describe('joinTexts', () => {
  it('adds a comma unless the first part ends a sentence', () => {
    expect(joinTexts('3号楼', '电梯坏了')).toBe('3号楼，电梯坏了');
    expect(joinTexts('电梯坏了！', '快来人')).toBe('电梯坏了！快来人');
  });
});

describe('onIntakeClock', () => {
  it('keeps the protocol’s delivery lag but measures on the intake clock', () => {
    const wall = Date.parse('2026-01-01T00:00:10Z');
    const received = new Date('2026-11-30T01:00:00Z');

    expect(onIntakeClock(new Date('2026-01-01T00:00:07Z'), received, wall)).toEqual(
      new Date('2026-11-30T00:59:57Z'),
    );
    expect(onIntakeClock(new Date('2026-01-01T00:00:20Z'), received, wall)).toEqual(received);
  });
});
