import { bounded } from './bounded.js';
/** What the health check asks; each probe is bounded, so a hung Redis or database reads as down. */
export type HealthProbes = {
  /** Stored messages left unread past the recovery grace period (asks the store). */
  unread(): Promise<number>;
  /** Answers when Redis does; absent where the process uses no Redis (`shaozi web`). */
  redis?(): Promise<unknown>;
  /** Replies waiting to be sent (asks Redis, or the store's outbox where there is no Redis). */
  outboxBacklog(): Promise<number>;
};

export type Health = {
  ok: boolean;
  store: 'ok' | 'down';
  /** `unused` where the process has no Redis (`shaozi web`). */
  redis: 'ok' | 'down' | 'unused';
  /** Work that waits: unread messages past the grace period, replies not yet sent; null when unknown. */
  waiting: { unread: number | null; outbox: number | null };
};

/** Longest a probe may take before its service is reported down. */
export const PROBE_TIMEOUT_MS = 2_000;

export async function checkHealth(probes: HealthProbes, timeoutMs = PROBE_TIMEOUT_MS): Promise<Health> {
  const [unread, redis, outbox] = await Promise.all([
    bounded(probes.unread(), timeoutMs),
    probes.redis ? bounded(probes.redis(), timeoutMs) : Promise.resolve(null),
    bounded(probes.outboxBacklog(), timeoutMs),
  ]);
  const store = unread.ok ? 'ok' : 'down';
  const redisState = redis === null ? 'unused' : redis.ok && outbox.ok ? 'ok' : 'down';
  return {
    ok: store === 'ok' && redisState !== 'down',
    store,
    redis: redisState,
    waiting: { unread: unread.ok ? unread.value : null, outbox: outbox.ok ? outbox.value : null },
  };
}
