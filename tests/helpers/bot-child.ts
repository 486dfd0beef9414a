/**
 * The bot in a process of its own, for tests that kill it: composes the app from the environment (the
 * sandbox chat), prints `ready`, then says every JSON line of stdin ({"room","from","text"}) in the sandbox
 * and prints `said N` after each. A test kills it with SIGKILL mid-burst and starts another on the same
 * DATA_DIR and QUEUE_PREFIX.
 */
import { createInterface } from 'node:readline';
import { composeApp } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/logger.js';

const app = await composeApp({ config: loadConfig(), logger: silentLogger });
const world = app.bot.sandbox;
if (!world) {
  throw new Error('the child bot needs the sandbox');
}
process.stdout.write('ready\n');
let said = 0;
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) {
    continue;
  }
  const m = JSON.parse(line) as { room: string | null; from: string; text: string };
  world.say(m);
  said++;
  process.stdout.write(`said ${said}\n`);
}
