import type { Rates, Ratio } from '../stats/rates.js';
import { COUNT, NO_RATE, PERCENT } from './sheet-table.js';

/** One line of the overview: a count, or a rate with its numerator and denominator beside it. */
export type OverviewRow = {
  label: string;
  value: number | string;
  numFmt: string;
  numerator: number | null;
  denominator: number | null;
};

const count = (label: string, value: number): OverviewRow => ({
  label,
  value,
  numFmt: COUNT,
  numerator: null,
  denominator: null,
});

const rate = (label: string, r: Ratio): OverviewRow => ({
  label,
  value: r.value ?? NO_RATE,
  numFmt: PERCENT,
  numerator: r.numerator,
  denominator: r.denominator,
});

/** The month's totals in the order of `统计`'s block: the counts, then every rate. */
export function overviewRows(r: Rates): OverviewRow[] {
  return [
    count('新收', r.received),
    count('已响应', r.accepted),
    count('已办结', r.resolved),
    count('群众确认解决', r.confirmed),
    count('重新打开', r.reopened),
    count('撤回/撤销', r.cancelled),
    count('当前超时未办', r.openOverdue),
    count('逾期（含本期）', r.overdue),
    rate('响应率', r.responseRate),
    rate('按时响应率', r.onTimeResponseRate),
    rate('办结率', r.resolutionRate),
    rate('按时办结率', r.onTimeResolutionRate),
    rate('群众确认解决率', r.confirmedResolutionRate),
    rate('满意率', r.satisfactionRate),
    rate('重新打开率', r.reopenRate),
    rate('复发率', r.recurrenceRate),
    rate('退回率', r.returnRate),
    rate('吹哨率', r.whistleRate),
  ];
}
