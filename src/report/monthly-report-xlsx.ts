import { buildMonthlyReport, type MonthlyReportDeps } from '../stats/monthly-report.js';
import { writeMonthlyReport } from './xlsx-report.js';

/** The MIME type of an .xlsx workbook, for a download. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The monthly report of `month` (`YYYY-MM`, China time) as .xlsx bytes, with the figures as of `deps.now()`:
 * what the dashboard's download and `shaozi report` serve. Throws a RangeError for a malformed month.
 */
export async function monthlyReportXlsx(
  deps: MonthlyReportDeps & { now: () => Date },
  month: string,
): Promise<Buffer> {
  return writeMonthlyReport(await buildMonthlyReport(deps, { month, now: deps.now() }));
}
