import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../../helpers/browser.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { TINY_PNG } from '../../helpers/tiny-png.js';

const GROUP = '幸福里一区业主群';
const REPORT = '3号楼2单元楼道灯坏了好几天了，晚上黑漆漆的';

let app: TestApp;
let browser: Browser;
let sandboxUrl: string;
let reportNumber = 0;

/** Opens the sandbox page as `speaker` in `room` ('' for the private chat with the bot). */
async function open(room: string, speaker: string, viewport = { width: 1000, height: 800 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(sandboxUrl);
  await page.selectOption('#room', room);
  await page.fill('#speaker', speaker);
  return page;
}

/** The texts of the conversation's bubbles of one kind (bot, mine, other). */
const bubbles = (page: Page, kind: string) => page.locator(`#log .msg.${kind} .text`).allTextContents();

beforeAll(async () => {
  app = await startTestApp({ web: true });
  sandboxUrl = `${app.web?.url}/sandbox`;
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the sandbox page in a real browser', () => {
  it('files a report as 王阿姨 in a group and shows the reply with the ticket the store has', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(sandboxUrl);
    await page.selectOption('#room', GROUP);
    await page.selectOption('#who', '王阿姨');
    expect(await page.inputValue('#speaker')).toBe('王阿姨');
    expect(await page.textContent('#role')).toBe('居民');

    await page.fill('#text', REPORT);
    await page.click('#send');
    const reply = page.locator('#log .msg.bot .text', { hasText: /#\d+/ }).first();
    await reply.waitFor();
    await app.settle();

    reportNumber = Number(/#(\d+)/.exec((await reply.textContent()) ?? '')?.[1]);
    const tickets = await app.tickets.listTickets();
    expect(tickets.map((t) => [t.number, t.reporter, t.text])).toEqual([[reportNumber, '王阿姨', REPORT]]);
    expect(await reply.textContent()).toMatch(/^@王阿姨 /);
    expect(await bubbles(page, 'mine')).toEqual([REPORT]);
    expect(await page.inputValue('#text')).toBe('');
    await screenshot(page, 'sandbox-report');
    await page.close();
  });

  it('lets the grid worker 李明 ask for his tickets in a private chat', async () => {
    const page = await open('', '李明');
    expect(await page.textContent('#role')).toBe('第一网格网格员');
    // what the bot told him privately before the page was opened is there (the new ticket of his grid)
    await page
      .locator('#log .msg.bot', { hasText: `#${reportNumber}` })
      .first()
      .waitFor();
    const before = (await bubbles(page, 'bot')).length;

    await page.fill('#text', '我的工单');
    await page.press('#text', 'Enter');
    await page.locator('#log .msg.bot').nth(before).waitFor();
    await app.settle();

    const answer = (await bubbles(page, 'bot')).slice(before).join('\n');
    expect(answer).toContain(`#${reportNumber}`);
    expect(await bubbles(page, 'mine')).toEqual(['我的工单']);
    // his private chat is his: 王阿姨's group report is not in it
    expect(await bubbles(page, 'other')).toEqual([]);
    await screenshot(page, 'sandbox-private');

    // in the group he sees the group, with what the bot told him alone marked as private
    await page.selectOption('#room', GROUP);
    expect(await bubbles(page, 'other')).toEqual([REPORT]);
    expect(await page.locator('#log .msg.private .badge').first().textContent()).toBe(
      '私聊 · 只有李明看得到',
    );
    expect(await page.locator('#log .msg.private .text').allTextContents()).toContain(answer);
    await page.close();
  });

  it('shows what people write, and names they make up, as text and never as markup', async () => {
    const name = '<i>钱阿姨</i>';
    const text = '5号楼楼道灯坏了<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
    const page = await open(GROUP, name);
    expect(await page.inputValue('#who')).toBe('');

    await page.fill('#text', text);
    await page.click('#send');
    await page.locator('#log .msg.mine .text', { hasText: '<script>' }).waitFor();
    await page.locator('#log .msg.bot .text', { hasText: name }).first().waitFor();
    await app.settle();

    expect(await bubbles(page, 'mine')).toEqual([text]);
    expect(await page.locator('#log .msg.mine .name').allTextContents()).toEqual([name]);
    expect(await page.locator('#log script, #log img, #log i').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    // on a fresh load the made-up name is offered as a speaker, escaped by the server
    await page.reload();
    await page.selectOption('#room', GROUP);
    expect(await page.locator('#who option', { hasText: name }).count()).toBe(1);
    await page.locator('#log .msg.other .text', { hasText: '<script>' }).waitFor();
    expect(await page.locator('#log script, #log img, #log i, #who i').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await screenshot(page, 'sandbox-escaped');
    await page.close();
  });

  it('keeps an overlong message in the box and says in Chinese why it was not sent', async () => {
    const page = await open(GROUP, '王阿姨');
    const long = '楼道灯坏了。'.repeat(400);
    const said = app.world.deliveredCount();

    await page.fill('#text', long);
    await page.click('#send');
    await page.locator('#error', { hasText: '最多 2000 个字' }).waitFor();

    expect(await page.textContent('#error')).toContain('输入框里的内容还在');
    expect(await page.inputValue('#text')).toBe(long);
    expect(await page.getAttribute('#count', 'class')).toBe('over');
    expect(app.world.deliveredCount()).toBe(said);
    await page.close();
  });

  it('sends a photo and a voice message, shows others in the group, and reads well on a phone', async () => {
    const page = await open(GROUP, '王阿姨', { width: 390, height: 844 });

    await page.setInputFiles('#photo-file', { name: 'lamp.png', mimeType: 'image/png', buffer: TINY_PNG });
    await page.locator('#log .msg.mine .text', { hasText: '[照片] lamp.png' }).waitFor();
    await page.click('#voice');
    await page.locator('#log .msg.mine .text', { hasText: '[语音消息]' }).waitFor();
    // someone speaking from elsewhere (the terminal sandbox, here the test) shows up too
    await app.say({ from: '陈大爷', room: GROUP, text: '我们楼也是，灯一直不亮' });
    await page.locator('#log .msg.other .text', { hasText: '灯一直不亮' }).waitFor();
    await app.settle();

    const widths = (await page.evaluate(
      '[document.documentElement.scrollWidth, window.innerWidth]',
    )) as number[];
    expect(widths[0]).toBeLessThanOrEqual(widths[1] ?? 0);
    await screenshot(page, 'sandbox-phone');
    await page.close();
  });
});
