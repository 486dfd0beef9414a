import type { MiddlewareHandler } from 'hono';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import { bullBoardRoutes } from '../../../src/web/ops/bull-board-routes.js';
import { createWebApp, type RunningWeb, startWebServer } from '../../../src/web/web-server.js';
import { launchBrowser, screenshot } from '../../helpers/browser.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

// the ordinary intake lane in two partitions here
const QUEUES = ['intake-p0', 'intake-p1', 'intake-urgent', 'outbox', 'timers'];
const CONSENT = { 'x-test-supervisor': 'yes' };

/** Stands in for the dashboard's supervisors-only check: lets through only requests that carry CONSENT. */
const supervisorsOnly: MiddlewareHandler = async (c, next) => {
  if (c.req.header('x-test-supervisor') !== 'yes') {
    return c.text('Forbidden', 403);
  }
  return next();
};

let app: TestApp;

/** Logs `name` in to the bot's dashboard by the code it sends in a private message; returns the cookie. */
async function sessionOf(name: string): Promise<string> {
  const web = app.web?.url ?? '';
  await fetch(`${web}/login`, { method: 'POST', body: new URLSearchParams({ name }) });
  await app.settle();
  const code = /(\d{6})/.exec(
    app.sent.filter((m) => m.to === name && m.text.includes('登录码')).at(-1)?.text ?? '',
  )?.[1];
  const response = await fetch(`${web}/login/code`, {
    method: 'POST',
    body: new URLSearchParams({ name, code: code ?? '' }),
    redirect: 'manual',
  });
  expect(response.status).toBe(303);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}
let board: RunningWeb;
let browser: Browser | undefined;

beforeAll(async () => {
  app = await startTestApp({ web: true, env: { INTAKE_PARTITIONS: '2' } });
  await app.say({ from: '王阿姨', room: '幸福里一区业主群', text: '3号楼2单元电梯又坏了，老人上不去楼' });
  board = await startWebServer({
    app: createWebApp({
      health: { unread: async () => 0, outboxBacklog: async () => 0 },
      queueBoard: bullBoardRoutes({
        queues: [...app.queue.queues, app.timers.queue],
        guard: supervisorsOnly,
      }),
    }),
    host: '127.0.0.1',
    port: 0,
    logger: silentLogger,
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await board?.close();
  await app?.stop();
});

describe('Bull Board at /ops/queues', () => {
  it('on the bot, sits behind the dashboard login: anonymous sent to log in, non-supervisors refused', async () => {
    const base = `${app.web?.url}/ops/queues`;
    const anonymous = await fetch(base, { redirect: 'manual' });
    const anonymousClean = await fetch(`${base}/api/queues/intake-p0/clean/completed`, { method: 'PUT' });
    const worker = await sessionOf('李明');
    const asWorker = await fetch(`${base}/api/queues`, { headers: { cookie: worker } });
    const workerClean = await fetch(`${base}/api/queues/intake-p0/clean/completed`, {
      method: 'PUT',
      headers: { cookie: worker },
    });
    const supervisor = await sessionOf('刘桂兰');
    const asSupervisor = await fetch(`${base}/api/queues`, { headers: { cookie: supervisor } });

    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login');
    expect(anonymousClean.status).toBe(401);
    expect([asWorker.status, workerClean.status]).toEqual([403, 403]);
    expect(await asWorker.text()).not.toContain('intake');
    expect(asSupervisor.status).toBe(200);
    const { queues } = (await asSupervisor.json()) as { queues: Array<{ name: string }> };
    expect(queues.map((q) => q.name).sort()).toEqual(QUEUES);
  });

  it('is refused without the guard consent and served with it: the page, its assets and the queues', async () => {
    const base = `${board.url}/ops/queues`;

    const refused = await fetch(`${base}/api/queues`);
    const page = await fetch(base, { headers: CONSENT });
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(static\/[^"]+)"/g)].map((m) => m[1] ?? '');
    const api = await fetch(`${base}/api/queues`, { headers: CONSENT });
    const { queues } = (await api.json()) as {
      queues: Array<{ name: string; counts: { completed: number } }>;
    };

    expect(refused.status).toBe(403);
    expect(page.status).toBe(200);
    expect(html).toContain('<base href="/ops/queues/" />');
    expect(html).toContain('哨子 · 队列');
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const response = await fetch(`${base}/${asset}`, { headers: CONSENT });
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(100);
    }
    expect(queues.map((q) => q.name).sort()).toEqual(QUEUES);
    // the report's intake job and its reply's outbox job are on the board
    const intakeDone = queues.filter((q) => q.name.startsWith('intake-p')).map((q) => q.counts.completed);
    expect(intakeDone.reduce((a, b) => a + b, 0)).toBe(1);
    expect((await fetch(`${base}/`, { headers: CONSENT, redirect: 'manual' })).headers.get('location')).toBe(
      '/ops/queues',
    );
  });

  it('renders the queues in a real browser, with no script error', async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ extraHTTPHeaders: CONSENT });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    // the page asks Google for a web font; this machine has no way out
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
    const failed: string[] = [];
    page.on('requestfailed', (r) => {
      if (r.url().startsWith(board.url)) {
        failed.push(r.url());
      }
    });

    await page.goto(`${board.url}/ops/queues`);
    for (const name of QUEUES) {
      await page.getByText(name, { exact: true }).first().waitFor({ timeout: 15_000 });
    }
    await screenshot(page, 'ops-queues');

    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
  }, 60_000);
});
