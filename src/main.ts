import { join } from 'node:path';
import { STATUS_NAMES } from './commands/replies.js';
import { composeApp } from './compose.js';
import { loadConfig } from './config.js';
import { isAppError } from './errors.js';
import { createLogger } from './logger.js';
import { formatSent, runSandboxRepl } from './sandbox/sandbox-repl.js';
import { SQLITE_FILE_NAME } from './store/open-ticket-store.js';
import { categoryName } from './tickets/ticket-text.js';

/** `npm start`: the bot on its embedded defaults (SQLite, local classifier, sample community, sandbox chat). */
async function main(): Promise<void> {
  const config = loadConfig();
  const sandbox = config.WECHATY_PUPPET === undefined;
  const logFile = join(config.DATA_DIR, 'shaozi.log');
  const logger = createLogger(config.LOG_LEVEL, sandbox ? { file: logFile } : 'stderr');
  if (sandbox) {
    const database = config.DATABASE_URL
      ? 'PostgreSQL (DATABASE_URL)'
      : join(config.DATA_DIR, SQLITE_FILE_NAME);
    process.stderr.write(`shaozi: sandbox on the mock puppet; database ${database}; logs go to ${logFile}\n`);
  }
  const print = (line: string) => process.stdout.write(`${line}\n`);
  let botName = '社区哨子';
  const app = await composeApp({ config, logger, web: true, onSent: (m) => print(formatSent(m, botName)) });
  botName = app.directory.botName;
  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    logger.info({ event: 'app.stop', reason }, 'stopping');
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const world = app.bot.sandbox;
  if (!world) {
    logger.info({ event: 'app.ready' }, 'bot running; Ctrl-C stops it');
    return;
  }
  if (app.web) {
    process.stderr.write(`shaozi: sandbox page ${app.web.url}/sandbox (talk to the bot in a browser)\n`);
  }
  await runSandboxRepl(
    {
      world,
      waitIdle: () => app.settle(),
      listTickets: async () =>
        (await app.tickets.listTickets()).map(
          (t) =>
            `  #${t.number} ${STATUS_NAMES[t.status]}｜${categoryName(t.category)}｜` +
            `${app.directory.bodyDisplayName(t.body, t.location.compound)}｜${t.assignees.join('、')}：${t.text}`,
        ),
    },
    { input: process.stdin, output: print, prompt: process.stdin.isTTY === true },
  );
  await shutdown('sandbox closed');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `shaozi: ${isAppError(error) ? error.message : String(error instanceof Error ? error.stack : error)}\n`,
  );
  process.exit(1);
});
