import { composeIntakeWorker } from '../src/compose.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';

/** `npm run worker:intake`: classifies and routes messages in a process of its own (set INLINE_WORKERS=false on the bot). */
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const worker = await composeIntakeWorker({ config, logger });
logger.info({ event: 'worker.intake.ready', prefix: config.QUEUE_PREFIX }, 'intake worker running');
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
