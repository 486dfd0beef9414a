import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../src/clock/clock.js';
import { launchBrowser, screenshot } from '../../helpers/browser.js';
import { readWorkbook, rowWhere, sheetOf, tableOf } from '../../helpers/read-xlsx.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { TINY_PNG } from '../../helpers/tiny-png.js';

const HOUR = 3_600_000;
const GROUP_1 = '幸福里一区业主群';
const JINYUAN = '锦苑邻里群';

let app: TestApp;
let browser: Browser;
let base: string;
const clock = new SimulatedClock(new Date('2026-12-01T09:00:00+08:00'));

/** The login code the bot sent this person in a private message (the newest one). */
function codeSentTo(name: string): string {
  const text = app.sent.filter((m) => m.to === name && m.text.includes('登录码')).at(-1)?.text ?? '';
  const code = /(\d{6})/.exec(text)?.[1];
  if (!code) {
    throw new Error(`no login code sent to ${name}`);
  }
  return code;
}

async function logIn(page: Page, name: string): Promise<void> {
  await page.goto(`${base}/tickets`);
  expect(new URL(page.url()).pathname).toBe('/login');
  await page.fill('input[name=name]', name);
  await Promise.all([page.waitForURL('**/login'), page.click('button')]);
  await app.settle();
  await page.fill('input[name=code]', codeSentTo(name));
  await Promise.all([page.waitForURL('**/tickets'), page.click('main button')]);
}

beforeAll(async () => {
  app = await startTestApp({ web: true, clock });
  base = app.web?.url ?? '';
  browser = await launchBrowser();
  const photo = join(mkdtempSync(join(tmpdir(), 'shaozi-photo-')), 'lift.png');
  writeFileSync(photo, TINY_PNG);
  await app.say({
    from: '王阿姨',
    room: GROUP_1,
    text: '3号楼2单元电梯又坏了，老人上不去楼，麻烦尽快修一下',
  });
  // the photo a few seconds later, as a phone sends it: on a frozen clock the two could tie and swap order
  clock.advance(5_000);
  await app.say({ from: '王阿姨', room: GROUP_1, image: photo });
  await app.say({ from: '赵先生', room: JINYUAN, text: '小区里25号楼旁边的路灯不亮好几天了' });
  await app.say({
    from: '钱阿姨',
    room: GROUP_1,
    text: '5号楼楼道灯坏了<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
  });
  await app.say({ from: '李明', room: null, text: '卡点 3 资金 维修基金还在审批' });
  // two days on, the elevator is past its deadlines and climbs the ladder
  clock.advance(50 * HOUR);
  await app.runTimers();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the dashboard in a real browser', () => {
  it('logs a grid worker in with the code the bot sends, shows only his grid, filters and searches', async () => {
    const page = await browser.newPage();
    await logIn(page, '李明');
    const numbers = await page.$$eval('#tickets tbody a', (as) => as.map((a) => a.textContent));
    // 第一网格's tickets only: 锦苑's street lamp (#2, 第四网格) is not his
    expect(numbers).toEqual(['#3', '#1']);
    await screenshot(page, 'dashboard-tickets');

    await page.selectOption('select[name=category]', 'elevator');
    await Promise.all([page.waitForURL('**/tickets?**'), page.click('form.filters button')]);
    expect(await page.$$eval('#tickets tbody a', (as) => as.map((a) => a.textContent))).toEqual(['#1']);
    await page.goto(`${base}/tickets?q=${encodeURIComponent('楼道灯')}`);
    expect(await page.$$eval('#tickets tbody a', (as) => as.map((a) => a.textContent))).toEqual(['#3']);
    expect(await page.textContent('#count')).toContain('共 1 件');

    // another grid's ticket by URL reads as no ticket
    const other = await page.goto(`${base}/tickets/2`);
    expect(other?.status()).toBe(404);
    expect(await page.textContent('main')).not.toContain('路灯');
    await page.close();
  });

  it('opens a ticket with its photo, its history and the audit status of its chain; user text stays text', async () => {
    const page = await browser.newPage();
    await logIn(page, '李明');
    await page.click('a[href="/tickets/1"]');
    await page.waitForSelector('img.evidence');
    // the element comes with the page, the picture a request later: wait until it has loaded (or failed)
    await page.waitForFunction("document.querySelector('img.evidence')?.complete === true");
    const width = await page.$eval(
      'img.evidence',
      (img) => (img as unknown as { naturalWidth: number }).naturalWidth,
    );
    expect(width).toBe(2);
    expect(await page.textContent('#chain')).toMatch(/^完整（\d+ 条记录已逐条校验）$/);
    const history = await page.$$eval('#history li', (lis) => lis.map((l) => l.textContent ?? ''));
    expect(history[0]).toContain('已登记');
    expect(history.some((h) => h.includes('上传了照片'))).toBe(true);
    await screenshot(page, 'dashboard-ticket');

    await page.goto(`${base}/tickets/3`);
    expect(await page.textContent('#text')).toContain('<img src=x onerror="window.__pwned=1"><script>');
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await page.close();
  });

  it('refuses a reused code, a wrong one, and pages without a session', async () => {
    const page = await browser.newPage();
    await logIn(page, '李明');
    const used = codeSentTo('李明');
    const again = await fetch(`${base}/login/code`, {
      method: 'POST',
      body: new URLSearchParams({ name: '李明', code: used }),
      redirect: 'manual',
    });
    expect(again.status).toBe(401);
    expect(await again.text()).toContain('登录码不对或已用过');
    const anonymous = await fetch(`${base}/tickets/1`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login');
    const forged = await fetch(`${base}/tickets`, {
      redirect: 'manual',
      headers: {
        cookie: 'shaozi_session=eyJuYW1lIjoi5YiY5qGC5YWwIiwiZXhwaXJlc0F0Ijo5OTk5OTk5OTk5OTk5fQ.forged',
      },
    });
    expect(forged.status).toBe(303);
    // a resident is told the same as staff, and gets no code
    const before = app.sent.length;
    const resident = await fetch(`${base}/login`, {
      method: 'POST',
      body: new URLSearchParams({ name: '王阿姨' }),
    });
    expect(await resident.text()).toContain('如果您在社区名录中');
    await app.settle();
    expect(app.sent.slice(before).filter((m) => m.to === '王阿姨')).toEqual([]);
    await page.close();
  });

  it('shows the overdue board and the blocker list, oldest first', async () => {
    const page = await browser.newPage();
    await logIn(page, '李明');
    await page.click('a[href="/board"]');
    const overdue = await page.$$eval('#overdue tbody tr td:first-child', (tds) =>
      tds.map((t) => t.textContent),
    );
    expect(overdue).toContain('#1');
    expect(await page.textContent('#blockers tbody')).toContain('缺资金');
    expect(await page.textContent('#blockers tbody')).toContain('维修基金还在审批');
    await screenshot(page, 'dashboard-board');
    await page.close();
  });

  it('draws the charts with the same numbers as 统计, for a supervisor', async () => {
    await app.say({ from: '刘桂兰', room: null, text: '统计 本周' });
    const reply = app.sent.filter((m) => m.to === '刘桂兰').at(-1)?.text ?? '';
    const page = await browser.newPage();
    await logIn(page, '刘桂兰');
    await page.goto(`${base}/stats?period=week`);
    await page.waitForSelector('#chart-volume canvas');
    const figures = (await page.textContent('#figures')) ?? '';
    expect(figures.length).toBeGreaterThan(20);
    for (const line of figures.split('\n')) {
      expect(reply).toContain(line);
    }
    const data = JSON.parse((await page.textContent('#chart-data')) ?? '{}') as {
      received: number;
      volume: { series: Array<{ name: string; data: number[] }> };
      bodies: Array<{
        name: string;
        onTimeResponse: { value: number; numerator: number; denominator: number };
      }>;
    };
    expect(reply).toContain(`新收 ${data.received} 件`);
    const drawn = data.volume.series.flatMap((s) => s.data).reduce((a, b) => a + b, 0);
    expect(drawn).toBe(data.received);
    expect(data.received).toBe(3);
    // one bar per body, as 统计 has one line per body
    expect(data.bodies.map((b) => b.name)).toEqual(['物业服务企业']);
    expect(reply).toContain('物业服务企业');
    expect(data.bodies[0]?.onTimeResponse).toMatchObject({ value: 0, numerator: 0, denominator: 3 });
    expect(reply).toContain('按时响应 0/3（0%）');
    expect(await page.locator('#chart-bodies canvas').count()).toBe(1);
    await screenshot(page, 'dashboard-stats');
    await page.close();
  });

  it('keeps the report and the queues to supervisors, and shares a compound summary read-only', async () => {
    const worker = await browser.newPage();
    await logIn(worker, '李明');
    const refused = await worker.goto(`${base}/report`);
    expect(refused?.status()).toBe(403);
    await worker.close();

    const page = await browser.newPage();
    await logIn(page, '刘桂兰');
    await page.goto(`${base}/report`);
    // the monthly workbook, downloaded as a supervisor would, holds the figures 统计 本月 gives in chat
    await app.say({ from: '刘桂兰', room: null, text: '统计 本月' });
    const monthly = app.sent.filter((m) => m.to === '刘桂兰').at(-1)?.text ?? '';
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-form button')]);
    expect(download.suggestedFilename()).toBe('shaozi-report-2026-12.xlsx');
    const workbook = await readWorkbook(readFileSync((await download.path()) ?? ''));
    const overview = tableOf(sheetOf(workbook, '总览'), 6);
    const cells = (label: string) =>
      ['数值', '分子', '分母'].map((h) => rowWhere(overview, '指标', label).get(h)?.value ?? null);
    expect(monthly).toContain(`新收 ${cells('新收')[0]} 件`);
    const [, onTime, due] = cells('按时响应率');
    expect(monthly).toContain(`按时响应 ${onTime}/${due}`);
    expect(Number(due)).toBeGreaterThan(0);
    const link = await page.getAttribute('#shares a', 'href');
    expect(link).toMatch(/^\/share\/.+\/[\w-]{22}$/);
    const anonymous = await browser.newPage();
    await anonymous.goto(`${base}${link}`);
    expect(await anonymous.textContent('#summary')).toContain('本周大家共反映问题 2 件');
    expect(await anonymous.textContent('main')).not.toContain('王阿姨');
    await screenshot(anonymous, 'dashboard-share');
    const forged = await fetch(`${base}${link?.replace(/[\w-]{22}$/, 'A'.repeat(22))}`);
    expect(forged.status).toBe(404);
    await anonymous.close();
    await page.close();
  });
});
