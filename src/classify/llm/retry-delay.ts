/** Headers as both fetch's `Headers` and the SDK's error headers expose them. */
export type HeaderLookup = { get(name: string): string | null };

export type RetryDelayOptions = {
  /** First backoff delay when the server gives no retry-after; doubles per retry, with jitter. */
  baseDelayMs: number;
  /** The longest retry-after we wait for; a longer one gives up at once (the cascade falls back). */
  maxDelayMs: number;
  now?: () => number;
  random?: () => number;
};

/**
 * How long to wait before retry number `retry` (0-based): the server's `retry-after-ms` or `retry-after`
 * (seconds or an HTTP date) when given, else exponential backoff; undefined when the wait exceeds the cap.
 */
export function retryDelayMs(
  headers: HeaderLookup | undefined,
  retry: number,
  options: RetryDelayOptions,
): number | undefined {
  const asked = serverRetryAfterMs(headers, options.now ?? Date.now);
  if (asked !== undefined) {
    return asked <= options.maxDelayMs ? Math.max(0, asked) : undefined;
  }
  const jitter = 1 - (options.random ?? Math.random)() * 0.25;
  return Math.min(options.baseDelayMs * 2 ** retry, options.maxDelayMs) * jitter;
}

function serverRetryAfterMs(headers: HeaderLookup | undefined, now: () => number): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) {
    return ms;
  }
  const raw = headers?.get('retry-after');
  if (!raw) {
    return undefined;
  }
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds)) {
    return seconds * 1000;
  }
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : at - now();
}
