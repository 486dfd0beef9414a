import { type Config, parseConfig } from '../src/config.js';

/** The Redis the benches use: REDIS_URL, else the local server. */
export const BENCH_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The bot's settings for a bench, as environment variables (the same for an intake worker process it
 * starts): its own data folder and queue prefix, no timers, digests or watchdog, no send budget and no batch
 * wait (the benches measure intake, not the wait for a send slot), plus `extra`.
 */
export function benchEnv(
  dataDir: string,
  queuePrefix: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    QUEUE_PREFIX: queuePrefix,
    LOG_LEVEL: 'silent',
    REDIS_URL: BENCH_REDIS_URL,
    SWEEP_INTERVAL_S: '0',
    RECOVERY_INTERVAL_S: '0',
    DIGEST_CRON: 'off',
    WEB_PORT: '0',
    OUTBOX_PER_MINUTE: '1000000',
    OUTBOX_BATCH_WINDOW_S: '0',
    ...extra,
  };
}

/** The bot's configuration for a bench (benchEnv, parsed). */
export function benchConfig(
  dataDir: string,
  queuePrefix: string,
  extra: Record<string, string> = {},
): Config {
  return parseConfig(benchEnv(dataDir, queuePrefix, extra));
}
