import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono, type MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import { chinaMonthOf } from '../../clock/china-time.js';
import { mountAuth, requireLogin, requireSupervisor } from './auth-routes.js';
import { mountBoardPage } from './board-page.js';
import type { DashboardDeps, DashboardEnv, DashboardState } from './deps.js';
import { page } from './layout.js';
import { createLoginCodes } from './login-codes.js';
import { mountSharePage, sharePath } from './share-page.js';
import { mountStatsPage } from './stats-page.js';
import { mountTicketPages } from './ticket-pages.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** ECharts from the installed package, read once: nothing comes from a CDN. */
function echartsScript(): () => string {
  let text: string | undefined;
  return () => {
    text ??= readFileSync(createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'), 'utf8');
    return text;
  };
}

export type Dashboard = {
  app: Hono;
  /** Lets supervisors through (for the queues' board); anyone else is sent to the login or refused. */
  supervisorsOnly: MiddlewareHandler;
};

/**
 * The supervisors' workbench: login by a code sent in WeChat, the ticket list and pages, the overdue board
 * and blockers, the figures of `统计` with charts, the monthly report, and the public share links.
 */
export function createDashboard(deps: DashboardDeps): Dashboard {
  const state: DashboardState = { ...deps, codes: createLoginCodes(() => deps.now().getTime()) };
  const app = new Hono();
  const echarts = echartsScript();
  app.use('*', async (c, next) => {
    await next();
    c.header('x-frame-options', 'DENY');
    c.header('referrer-policy', 'same-origin');
  });
  app.get('/assets/echarts.min.js', (c) =>
    c.body(echarts(), 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=86400',
    }),
  );
  mountSharePage(app, state);
  const staff = new Hono<DashboardEnv>();
  mountAuth(staff, state);
  staff.get('/', (c) => c.redirect('/tickets', 303));
  for (const path of ['/tickets', '/tickets/*', '/board', '/stats']) {
    staff.use(path, requireLogin(state));
  }
  mountTicketPages(staff, state);
  mountBoardPage(staff, state);
  mountStatsPage(staff, state);
  const supervisorsOnly = requireSupervisor(state);
  // the same check for routes outside the dashboard's own app (the queues' board)
  const supervisorsOnlyOutside: MiddlewareHandler = (c, next) =>
    supervisorsOnly(c as unknown as Parameters<typeof supervisorsOnly>[0], next);
  staff.use('/report', supervisorsOnly);
  staff.use('/report.xlsx', supervisorsOnly);
  staff.get('/report', (c) => {
    const person = c.get('person');
    const month = chinaMonthOf(deps.now());
    const shares = deps.directory.data.compounds.map((cpd) => ({
      name: cpd.name,
      path: sharePath(state, cpd.name),
    }));
    return c.html(
      page(
        '月报与公开链接',
        html`<div class="card"><form id="report-form" method="get" action="/report.xlsx"><label>月份 <input type="month" name="month" value="${month}" required></label> <button>下载月报（Excel）</button></form></div>
<h2>各小区本周小结公开链接</h2><div class="card"><ul id="shares">${shares.map((s) => html`<li>${s.name}：<a href="${s.path}">${s.path}</a></li>`)}</ul></div>`,
        { name: person.name, supervisor: true },
      ),
    );
  });
  staff.get('/report.xlsx', async (c) => {
    const month = c.req.query('month') ?? '';
    if (!MONTH.test(month)) {
      return c.text('月份格式应为 2026-11。', 400);
    }
    if (!deps.monthlyReport) {
      return c.text('这里不能生成月报。', 503);
    }
    const bytes = await deps.monthlyReport(month);
    return c.body(Buffer.from(bytes), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="shaozi-report-${month}.xlsx"`,
    });
  });
  app.route('/', staff);
  return { app, supervisorsOnly: supervisorsOnlyOutside };
}
