import { describe, expect, it } from 'vitest';
import { parseReportArgs, REPORT_USAGE } from '../../../src/cli/report-command.js';

describe('parseReportArgs', () => {
  it('reads --month, --db and --out, as separate words or with =', () => {
    expect(parseReportArgs(['--month', '2026-11', '--db', 'a.db', '--out', 'r.xlsx'])).toEqual({
      month: '2026-11',
      db: 'a.db',
      out: 'r.xlsx',
    });
    expect(parseReportArgs(['--out=r.xlsx', '--month=2026-01'])).toEqual({ month: '2026-01', out: 'r.xlsx' });
  });

  it('says in one sentence that a month is not YYYY-MM', () => {
    for (const bad of ['2026-13', '2026-1', 'November', '2026-11-01']) {
      const problem = parseReportArgs(['--month', bad, '--out', 'r.xlsx']);

      expect(problem).toBe(`--month must be a month written YYYY-MM, such as 2026-11, not "${bad}".`);
    }
  });

  it('asks for the month and the output file, and names an unknown flag, with the usage', () => {
    expect(parseReportArgs(['--out', 'r.xlsx'])).toBe(`--month is required\n${REPORT_USAGE}`);
    expect(parseReportArgs(['--month', '2026-11'])).toBe(`--out is required\n${REPORT_USAGE}`);
    expect(parseReportArgs(['--month'])).toBe(`--month needs a value\n${REPORT_USAGE}`);
    expect(parseReportArgs(['--month', '2026-11', '--out', 'r.xlsx', '--pdf'])).toBe(
      `unexpected argument: --pdf\n${REPORT_USAGE}`,
    );
  });
});
