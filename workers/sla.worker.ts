import { composeSlaWorker } from '../src/compose.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';

/** `npm run worker:sla`: deadline sweeps and digests in a process of their own (set INLINE_WORKERS=false on the bot). */
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const worker = await composeSlaWorker({ config, logger });
logger.info(
  { event: 'worker.sla.ready', prefix: config.QUEUE_PREFIX, sweepEveryS: config.SWEEP_INTERVAL_S },
  'sla worker running',
);
let stopping = false;
const shutdown = async () => {
  if (stopping) {
    process.exit(1);
  }
  stopping = true;
  await worker.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
