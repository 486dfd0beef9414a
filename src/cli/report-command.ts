import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseConfig } from '../config.js';
import type { Directory } from '../directory/directory.js';
import { loadDirectory } from '../directory/load-directory.js';
import { writeMonthlyReport } from '../report/xlsx-report.js';
import { buildMonthlyReport } from '../stats/monthly-report.js';
import { monthRange } from '../stats/period.js';
import { openTicketStore } from '../store/open-ticket-store.js';
import type { CliIo } from './io.js';
import { storeTarget } from './store-target.js';

export const REPORT_USAGE = 'usage: shaozi report --month YYYY-MM [--db FILE] --out FILE.xlsx';

type ReportArgs = { month: string; out: string; db?: string };

/** Reads the flags (`--month 2026-11` or `--month=2026-11`); a string is what was wrong, for stderr. */
export function parseReportArgs(args: readonly string[]): ReportArgs | string {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const [flag = '', inline] = (args[i] ?? '').split(/=(.*)/s, 2);
    if (!['--month', '--db', '--out'].includes(flag)) {
      return `unexpected argument: ${args[i]}\n${REPORT_USAGE}`;
    }
    const value = inline ?? args[i + 1];
    if (inline === undefined) {
      i += 1;
    }
    if (value === undefined || value === '') {
      return `${flag} needs a value\n${REPORT_USAGE}`;
    }
    flags.set(flag, value);
  }
  const month = flags.get('--month');
  const out = flags.get('--out');
  const db = flags.get('--db');
  if (month === undefined) {
    return `--month is required\n${REPORT_USAGE}`;
  }
  if (monthRange(month) === undefined) {
    return `--month must be a month written YYYY-MM, such as 2026-11, not "${month}".`;
  }
  if (out === undefined) {
    return `--out is required\n${REPORT_USAGE}`;
  }
  return { month, out, ...(db === undefined ? {} : { db }) };
}

/**
 * `shaozi report --month YYYY-MM [--db FILE] --out FILE.xlsx`: writes the month's Excel report from that SQLite
 * store or the configured one, with the figures as of now. 0 when written (also for a month with no tickets),
 * 2 on bad usage or configuration.
 */
export async function runReportCommand(
  args: readonly string[],
  io: CliIo,
  env: Record<string, string | undefined>,
  now: () => Date = () => new Date(),
): Promise<number> {
  const parsed = parseReportArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(parsed);
    return 2;
  }
  const target = storeTarget(parsed.db, env);
  if (typeof target === 'string') {
    io.stderr(target);
    return 2;
  }
  let directory: Directory;
  try {
    directory = loadDirectory(parseConfig(env).DIRECTORY_FILE);
  } catch (error) {
    io.stderr(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const store = await openTicketStore(target);
  try {
    const data = await buildMonthlyReport({ tickets: store, directory }, { month: parsed.month, now: now() });
    mkdirSync(dirname(parsed.out), { recursive: true });
    writeFileSync(parsed.out, await writeMonthlyReport(data));
    io.stdout(
      `report ${parsed.month} written to ${parsed.out}: ${data.totals.received} tickets received, ` +
        `${data.attention.length} overdue or unconfirmed`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
