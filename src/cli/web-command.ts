import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { composeWeb } from '../compose.js';
import { parseConfig } from '../config.js';
import { createLogger } from '../logger.js';
import type { CliIo } from './io.js';

export const WEB_USAGE = 'usage: shaozi web [--db FILE] [--port N] [--host HOST]';

type WebArgs = { db?: string; port?: number; host?: string };

/** Reads the flags; a string is what was wrong, for one line on stderr. */
export function parseWebArgs(args: readonly string[]): WebArgs | string {
  const out: WebArgs = {};
  for (let i = 0; i < args.length; i += 1) {
    const [flag, inline] = (args[i] ?? '').split(/=(.*)/s, 2);
    const value = inline ?? args[i + 1];
    if (inline === undefined) {
      i += 1;
    }
    if (value === undefined || value === '') {
      return `${flag} needs a value\n${WEB_USAGE}`;
    }
    if (flag === '--db') {
      if (!existsSync(value)) {
        return `no such database file: ${value}`;
      }
      out.db = value;
    } else if (flag === '--port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) {
        return `--port must be a port number (0–65535), not ${value}`;
      }
      out.port = port;
    } else if (flag === '--host') {
      out.host = value;
    } else {
      return `unexpected argument: ${flag}\n${WEB_USAGE}`;
    }
  }
  return out;
}

/**
 * `shaozi web`: serves the dashboard over an existing store until stopped (Ctrl-C). With `--db FILE` the
 * store is that SQLite file, and its folder holds the photos and the audit key, as DATA_DIR does for the bot.
 */
export async function runWebCommand(
  args: readonly string[],
  io: CliIo,
  env: Record<string, string | undefined>,
  stopSignal: Promise<unknown>,
): Promise<number> {
  const parsed = parseWebArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(parsed);
    return 2;
  }
  const config = parseConfig({ ...env, ...(parsed.db ? { DATA_DIR: dirname(parsed.db) } : {}) });
  const web = await composeWeb({
    config,
    logger: createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL),
    ...(parsed.db ? { sqlitePath: parsed.db } : {}),
    port: parsed.port ?? config.WEB_PORT,
    host: parsed.host ?? config.WEB_HOST,
  });
  io.stdout(`dashboard: ${web.url}/login (Ctrl-C stops it)`);
  await stopSignal;
  await web.stop();
  return 0;
}
