import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../../src/classify/llm/retry-delay.js';

const options = { baseDelayMs: 100, maxDelayMs: 2_000, now: () => 0, random: () => 0 };
const headers = (entries: Record<string, string>) => new Headers(entries);

describe('retryDelayMs', () => {
  it('honours retry-after in seconds', () => {
    expect(retryDelayMs(headers({ 'retry-after': '1.5' }), 0, options)).toBe(1_500);
  });

  it('prefers retry-after-ms', () => {
    expect(retryDelayMs(headers({ 'retry-after-ms': '250', 'retry-after': '9' }), 0, options)).toBe(250);
  });

  it('reads retry-after as an HTTP date', () => {
    const at = new Date(1_000).toUTCString();

    expect(retryDelayMs(headers({ 'retry-after': at }), 0, options)).toBe(1_000);
  });

  it('gives up when the server asks for more than the cap', () => {
    expect(retryDelayMs(headers({ 'retry-after': '3600' }), 0, options)).toBeUndefined();
  });

  it('backs off exponentially without a header, capped', () => {
    expect(retryDelayMs(undefined, 0, options)).toBe(100);
    expect(retryDelayMs(undefined, 2, options)).toBe(400);
    expect(retryDelayMs(undefined, 10, options)).toBe(2_000);
  });

  it('applies up to 25 % jitter', () => {
    expect(retryDelayMs(undefined, 0, { ...options, random: () => 1 })).toBe(75);
  });
});
