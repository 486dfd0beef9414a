import type { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { toChinaIso } from '../../clock/china-time.js';
import { bodyName } from '../../stats/digest-text.js';
import { periodRange, STATS_PERIODS, type StatsPeriod } from '../../stats/period.js';
import { type Rates, type Ratio, receivedCohort } from '../../stats/rates.js';
import { PERIOD_NAMES, periodText, ratesBlock, ratioText, statsReplies } from '../../stats/replies.js';
import { type ScopedStats, scopedStats, statsScopeOf } from '../../stats/scoped-stats.js';
import { categoryName } from '../../tickets/ticket-text.js';
import { type DashboardEnv, type DashboardState, isSupervisorPerson } from './deps.js';
import { type Html, page, scriptJson } from './layout.js';

/** A rate as the charts carry it: the percentage and the numerator and denominator behind it. */
type RatePoint = { value: number | null; numerator: number; denominator: number };

/** The three rates drawn per body or party organisation. */
type RateRow = { name: string; onTimeResponse: RatePoint; onTimeResolution: RatePoint; confirmed: RatePoint };

/** What the page's charts draw, embedded as JSON so a reader (or a test) can check it against `统计`. */
export type ChartData = {
  period: { from: string; to: string };
  received: number;
  volume: { days: string[]; series: Array<{ name: string; data: number[] }> };
  bodies: RateRow[];
  partyOrgs: RateRow[];
  formalism: Array<{ name: string; score: number; tickets: number }>;
};

const point = (r: Ratio): RatePoint => ({
  value: r.value === null ? null : Math.round(r.value * 1000) / 10,
  numerator: r.numerator,
  denominator: r.denominator,
});

const rateRow = (name: string, r: Rates): RateRow => ({
  name,
  onTimeResponse: point(r.onTimeResponseRate),
  onTimeResolution: point(r.onTimeResolutionRate),
  confirmed: point(r.confirmedResolutionRate),
});

/** The China day (YYYY-MM-DD) of an instant. */
const chinaDay = (at: Date) => toChinaIso(at).slice(0, 10);

/** The charts' data from the same figures `统计` prints. */
export function chartData(stats: ScopedStats, bodyName: (key: string) => string): ChartData {
  const { input, rates } = stats;
  const days: string[] = [];
  for (let at = input.from.getTime(); at < input.to.getTime(); at += 86_400_000) {
    days.push(chinaDay(new Date(at)));
  }
  const counts = new Map<string, number[]>();
  for (const t of receivedCohort(input)) {
    const name = categoryName(t.category);
    const row = counts.get(name) ?? days.map(() => 0);
    const i = days.indexOf(chinaDay(t.createdAt));
    if (i >= 0) {
      row[i] = (row[i] ?? 0) + 1;
    }
    counts.set(name, row);
  }
  return {
    period: { from: toChinaIso(input.from), to: toChinaIso(input.to) },
    received: rates.received,
    volume: { days, series: [...counts].map(([name, data]) => ({ name, data })) },
    bodies: stats.bodies.map((b) => rateRow(b.name, b.rates)),
    partyOrgs: stats.partyOrgs.map((o) => rateRow(o.name, o.rates)),
    formalism: rates.formalism.map((f) => ({ name: bodyName(f.key), score: f.score, tickets: f.tickets })),
  };
}

const rateCells = (r: Rates): Html =>
  html`<td class="num">${r.received}</td><td class="num">${ratioText(r.onTimeResponseRate)}</td><td class="num">${ratioText(r.onTimeResolutionRate)}</td><td class="num">${ratioText(r.confirmedResolutionRate)}</td><td class="num">${ratioText(r.satisfactionRate)}</td><td class="num">${r.openOverdue}</td>`;

const RATE_HEAD = html`<th class="num">新收</th><th class="num">按时响应</th><th class="num">按时办结</th><th class="num">群众确认解决</th><th class="num">满意</th><th class="num">超时未办</th>`;

// draws each chart from #chart-data; the numbers behind every bar are in its tooltip
const CHART_SCRIPT = `
const data = JSON.parse(document.getElementById('chart-data').textContent);
const pct = (p) => p.value === null ? '暂无' : p.numerator + '/' + p.denominator + '（' + p.value + '%）';
const draw = (id, option) => { const el = document.getElementById(id); if (el) echarts.init(el).setOption(Object.assign({ animation: false }, option)); };
draw('chart-volume', { tooltip: { trigger: 'axis' }, legend: { type: 'scroll' }, grid: { containLabel: true },
  xAxis: { type: 'category', data: data.volume.days.map((d) => d.slice(5)) }, yAxis: { type: 'value', minInterval: 1 },
  series: data.volume.series.map((s) => ({ name: s.name, type: 'bar', stack: 'all', data: s.data })) });
const RATES = [['onTimeResponse', '按时响应'], ['onTimeResolution', '按时办结'], ['confirmed', '群众确认解决']];
const rateChart = (id, rows) => draw(id, { grid: { containLabel: true }, legend: {},
  tooltip: { formatter: (p) => rows[p.dataIndex].name + ' ' + p.seriesName + '：' + pct(rows[p.dataIndex][RATES[p.seriesIndex][0]]) },
  xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }, yAxis: { type: 'category', data: rows.map((r) => r.name) },
  series: RATES.map(([key, label]) => ({ name: label, type: 'bar', data: rows.map((r) => r[key].value),
    label: { show: true, position: 'right', formatter: (p) => pct(rows[p.dataIndex][key]) } })) });
rateChart('chart-bodies', data.bodies);
rateChart('chart-orgs', data.partyOrgs);
draw('chart-formalism', { grid: { containLabel: true }, tooltip: {}, xAxis: { type: 'value' },
  yAxis: { type: 'category', data: data.formalism.map((f) => f.name) },
  series: [{ type: 'bar', data: data.formalism.map((f) => f.score), label: { show: true, position: 'right' } }] });
`;

/** 统计 on a desk: the same figures for the same period and scope, as tables and ECharts charts. */
export function mountStatsPage(app: Hono<DashboardEnv>, state: DashboardState): void {
  app.get('/stats', async (c) => {
    const person = c.get('person');
    const who = { name: person.name, supervisor: isSupervisorPerson(person) };
    const asked = c.req.query('period') ?? 'week';
    const period: StatsPeriod = (STATS_PERIODS as readonly string[]).includes(asked)
      ? (asked as StatsPeriod)
      : 'week';
    const scope = statsScopeOf(person);
    if (scope === null) {
      return c.html(page('统计', html`<p>${statsReplies.statsNoScope()}</p>`, who));
    }
    const now = state.now();
    const range = periodRange(period, now);
    const stats = await scopedStats(state, scope, { ...range, now });
    const data = chartData(stats, (key) => bodyName(state.directory, key));
    const tabs = STATS_PERIODS.map((p) =>
      p === period
        ? html`<strong>${PERIOD_NAMES[p]}</strong>`
        : html`<a href="/stats?period=${p}">${PERIOD_NAMES[p]}</a>`,
    );
    const body = html`<p>${tabs.map((t, i) => html`${i > 0 ? '　' : ''}${t}`)}　<span class="muted">${periodText(range)}，${scope.all ? state.directory.data.community : person.grids.join('、')}</span></p>
<div class="card"><pre id="figures" style="white-space:pre-wrap;margin:0;font:inherit">${ratesBlock(stats.rates)}</pre></div>
<h2>每日新收（按类别）</h2><div class="card"><div id="chart-volume" class="chart"></div></div>
${
  stats.bodies.length > 0
    ? html`<h2>各责任单位</h2><div class="card"><div id="chart-bodies" class="chart"></div>
<table id="bodies"><thead><tr><th>单位</th>${RATE_HEAD}</tr></thead><tbody>${stats.bodies.map((b) => html`<tr><td>${b.name}</td>${rateCells(b.rates)}</tr>`)}</tbody></table></div>`
    : ''
}
<h2>各党组织</h2><div class="card"><div id="chart-orgs" class="chart"></div>
<table id="orgs"><thead><tr><th>党组织</th>${RATE_HEAD}</tr></thead><tbody>${stats.partyOrgs.map((o) => html`<tr><td>${o.name}</td>${rateCells(o.rates)}</tr>`)}</tbody></table></div>
<h2>形式主义信号（分数越高越需关注）</h2><div class="card">${
      data.formalism.length > 0
        ? html`<div id="chart-formalism" class="chart"></div>`
        : html`<p class="muted">本期没有办结或超时的工单可评。</p>`
    }</div>
<script type="application/json" id="chart-data">${raw(scriptJson(data))}</script>
<script src="/assets/echarts.min.js"></script><script>${raw(CHART_SCRIPT)}</script>`;
    return c.html(page('统计', body, who));
  });
}
