/** What the health check asks; each probe is bounded, so a hung Redis or database reads as down. */
export type HealthProbes = {
  /** Stored messages left unread past the recovery grace period (asks the store). */
  unread(): Promise<number>;
  /** Answers when Redis does. */
  redis(): Promise<unknown>;
  /** Replies waiting to be sent (asks Redis). */
  outboxBacklog(): Promise<number>;
};

export type Health = {
  ok: boolean;
  store: 'ok' | 'down';
  redis: 'ok' | 'down';
  /** Work that waits: unread messages past the grace period, replies not yet sent; null when unknown. */
  waiting: { unread: number | null; outbox: number | null };
};

/** Longest a probe may take before its service is reported down. */
export const PROBE_TIMEOUT_MS = 2_000;

export async function checkHealth(probes: HealthProbes, timeoutMs = PROBE_TIMEOUT_MS): Promise<Health> {
  const [unread, redis, outbox] = await Promise.all([
    bounded(probes.unread(), timeoutMs),
    bounded(probes.redis(), timeoutMs),
    bounded(probes.outboxBacklog(), timeoutMs),
  ]);
  const store = unread.ok ? 'ok' : 'down';
  const redisState = redis.ok && outbox.ok ? 'ok' : 'down';
  return {
    ok: store === 'ok' && redisState === 'ok',
    store,
    redis: redisState,
    waiting: { unread: unread.ok ? unread.value : null, outbox: outbox.ok ? outbox.value : null },
  };
}

async function bounded<T>(work: Promise<T>, ms: number): Promise<{ ok: true; value: T } | { ok: false }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ ok: false }>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false }), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ ok: true as const, value })), timeout]);
  } catch {
    return { ok: false };
  } finally {
    clearTimeout(timer);
  }
}
