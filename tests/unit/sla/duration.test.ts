import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors.js';
import { assertDuration, parseDuration, toMilliseconds } from '../../../src/sla/duration.js';

describe('parseDuration', () => {
  it.each([
    ['15m', { amount: 15, unit: 'm' }],
    ['2h', { amount: 2, unit: 'h' }],
    ['24h', { amount: 24, unit: 'h' }],
    ['7d', { amount: 7, unit: 'd' }],
    [' 30 m ', { amount: 30, unit: 'm' }],
  ])('reads %j', (text, expected) => {
    const result = parseDuration(text);

    expect(result).toEqual({ success: true, data: expected });
  });

  it.each(['', '15', 'm', '1.5h', '-2h', '2w', '2 hours', '99999999999999999d'])('rejects %j', (text) => {
    const result = parseDuration(text);

    expect(result.success).toBe(false);
  });
});

describe('assertDuration', () => {
  it('returns the duration of valid text', () => {
    expect(assertDuration('48h')).toEqual({ amount: 48, unit: 'h' });
  });

  it('throws AppError CONFIG_INVALID for text the schema should have refused', () => {
    let caught: unknown;

    try {
      assertDuration('two days');
    } catch (error) {
      caught = error;
    }

    expect(isAppError(caught) && caught.code).toBe('CONFIG_INVALID');
  });
});

describe('toMilliseconds', () => {
  it('gives 24h and 1d the same length', () => {
    expect(toMilliseconds({ amount: 24, unit: 'h' })).toBe(toMilliseconds({ amount: 1, unit: 'd' }));
    expect(toMilliseconds({ amount: 15, unit: 'm' })).toBe(900_000);
  });
});
