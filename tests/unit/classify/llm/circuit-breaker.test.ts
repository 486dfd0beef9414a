import { describe, expect, it } from 'vitest';
import { withCircuitBreaker } from '../../../../src/classify/llm/breaker-classifier.js';
import { CircuitBreaker } from '../../../../src/classify/llm/circuit-breaker.js';
import { classification, manualClock, scriptedRemote } from './fakes.js';

const fail = (reason: 'timeout' | 'unavailable' | 'rate_limited' | 'invalid_output') =>
  ({ success: false, error: { reason, detail: 'x' } }) as const;
const ok = { success: true, data: classification({ source: 'llm' }) } as const;

describe('CircuitBreaker', () => {
  it('opens after the threshold of consecutive failures', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1_000, now: manualClock().now });

    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
    breaker.recordFailure();

    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
  });

  it('defaults to 5 failures and a 60 s cool-down', () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker({ now: clock.now });

    for (let i = 0; i < 4; i++) {
      breaker.recordFailure();
    }
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    clock.advance(59_999);

    expect(breaker.tryAcquire()).toBe(false);
    clock.advance(1);
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('a success resets the failure count', () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, now: manualClock().now });

    breaker.recordFailure();
    breaker.recordSuccess();
    breaker.recordFailure();

    expect(breaker.state).toBe('closed');
  });

  it('lets exactly one trial through when half-open, and closes on its success', () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 1_000, now: clock.now });
    breaker.recordFailure();
    clock.advance(1_000);

    expect(breaker.state).toBe('half_open');
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    breaker.recordSuccess();

    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('re-opens for a full cool-down when the trial fails', () => {
    const clock = manualClock();
    const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1_000, now: clock.now });
    for (let i = 0; i < 3; i++) {
      breaker.recordFailure();
    }
    clock.advance(1_000);
    breaker.tryAcquire();

    breaker.recordFailure();

    expect(breaker.state).toBe('open');
    expect(breaker.retryInMs()).toBe(1_000);
  });
});

describe('withCircuitBreaker', () => {
  it('answers circuit_open without calling the endpoint once open', async () => {
    const remote = scriptedRemote(fail('timeout'), fail('unavailable'));
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 5_000, now: manualClock().now });
    const guarded = withCircuitBreaker(remote, breaker);

    await guarded.classify({ text: 'a' });
    await guarded.classify({ text: 'b' });
    const third = await guarded.classify({ text: 'c' });

    expect(third).toEqual({ success: false, error: { reason: 'circuit_open', detail: expect.any(String) } });
    expect(remote.inputs).toHaveLength(2);
  });

  it('does not count an invalid answer as an endpoint failure', async () => {
    const remote = scriptedRemote(fail('invalid_output'), fail('invalid_output'), ok);
    const breaker = new CircuitBreaker({ failureThreshold: 2, now: manualClock().now });
    const guarded = withCircuitBreaker(remote, breaker);

    await guarded.classify({ text: 'a' });
    await guarded.classify({ text: 'b' });
    const third = await guarded.classify({ text: 'c' });

    expect(third.success).toBe(true);
    expect(breaker.state).toBe('closed');
  });

  it('recovers through a half-open trial after the cool-down', async () => {
    const clock = manualClock();
    const remote = scriptedRemote(fail('rate_limited'), ok);
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 60_000, now: clock.now });
    const guarded = withCircuitBreaker(remote, breaker);
    await guarded.classify({ text: 'a' });

    clock.advance(60_000);
    const trial = await guarded.classify({ text: 'b' });

    expect(trial.success).toBe(true);
    expect(breaker.state).toBe('closed');
  });

  it('turns a throwing adapter into an unavailable failure', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1, now: manualClock().now });
    const guarded = withCircuitBreaker(scriptedRemote(), breaker);

    const outcome = await guarded.classify({ text: 'a' });

    expect(outcome).toMatchObject({ success: false, error: { reason: 'unavailable' } });
    expect(breaker.state).toBe('open');
  });
});
