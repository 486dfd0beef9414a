import { describe, expect, it } from 'vitest';
import type { SandboxSaid, SandboxSay } from '../../../../src/bot/wechaty/sandbox-world.js';
import { loadDirectory } from '../../../../src/directory/load-directory.js';
import { createSandboxPage, type SandboxPageWorld } from '../../../../src/web/sandbox/sandbox-routes.js';
import { MAX_NAME_CHARS, MAX_TEXT_CHARS } from '../../../../src/web/sandbox/say-request.js';
import { createWebApp } from '../../../../src/web/web-server.js';
import { TINY_PNG } from '../../../helpers/tiny-png.js';

const directory = loadDirectory();
const GROUP = '幸福里一区业主群';
const health = { unread: async () => 0, outboxBacklog: async () => 0 };
// a real 2×2 PNG, as the page sends it
const PNG = TINY_PNG.toString('base64');

/** The world's part the page uses: it records what it is told to say and tells its listeners. */
class FakeWorld implements SandboxPageWorld {
  readonly said: SandboxSay[] = [];
  private readonly listeners: Array<(said: SandboxSaid) => void> = [];
  constructor(private readonly extraPeople: string[] = []) {}

  say(message: SandboxSay): string {
    this.said.push(message);
    const id = `msg-${this.said.length}`;
    for (const listener of this.listeners) {
      listener({ ...message, id });
    }
    return id;
  }
  roomTopics(): string[] {
    return directory.data.groups.map((g) => g.topic);
  }
  people(): string[] {
    return ['李明', '刘桂兰', '魏经理', '王阿姨', ...this.extraPeople];
  }
  onSay(listener: (said: SandboxSaid) => void): () => void {
    this.listeners.push(listener);
    return () => undefined;
  }
}

function setUp(world = new FakeWorld()) {
  const page = createSandboxPage(world, { directory, now: () => new Date('2026-12-01T09:00:00+08:00') });
  const app = createWebApp({ health, ...(page ? { sandbox: page.app } : {}) });
  const say = (body: unknown, contentType = 'application/json') =>
    app.request('/sandbox/api/say', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { world, page, app, say };
}

describe('the sandbox page wiring', () => {
  it('is not served at all when the bot is not on the mock puppet', async () => {
    const page = createSandboxPage(undefined, { directory, now: () => new Date() });
    const app = createWebApp({ health, ...(page ? { sandbox: page.app } : {}) });

    expect(page).toBeUndefined();
    expect((await app.request('/sandbox')).status).toBe(404);
    expect((await app.request('/sandbox/api/feed')).status).toBe(404);
  });

  it('serves the page at /sandbox on the mock puppet', async () => {
    const { app } = setUp();

    const res = await app.request('/sandbox');

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect((await app.request('/sandbox/')).headers.get('location')).toBe('/sandbox');
  });
});

describe('the sandbox page', () => {
  it('offers the groups, a private chat and the people with their roles, 王阿姨 first chosen', async () => {
    const { app } = setUp();

    const text = await (await app.request('/sandbox')).text();

    for (const group of directory.data.groups) {
      expect(text).toContain(`<option value="${group.topic}">`);
    }
    expect(text).toContain('<option value="">和社区哨子私聊</option>');
    expect(text).toContain('<option value="李明" data-role="第一网格网格员">李明（第一网格网格员）</option>');
    expect(text).toContain('data-role="安居物业联络人"');
    expect(text).toContain('<option value="王阿姨" data-role="居民" selected>');
    expect(text).toContain('<meta name="viewport"');
    expect(text).not.toMatch(/<script[^>]+src=|https?:\/\/cdn/);
  });

  it('escapes a name a person made up, and runs only its own script (nonce)', async () => {
    const { app } = setUp(new FakeWorld(['<img src=x onerror=alert(1)>', '"><script>alert(2)</script>']));

    const res = await app.request('/sandbox');
    const text = await res.text();

    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(text).not.toContain('<img src=x');
    expect(text).not.toContain('<script>alert(2)');
    const nonce = /script-src 'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce).toBeTruthy();
    expect(text.match(/<script[^>]*>/g)).toEqual([`<script nonce="${nonce}">`]);
  });
});

describe('POST /sandbox/api/say', () => {
  it('says it as the speaker in the group and answers 202 with the message id', async () => {
    const { say, world, page } = setUp();

    const res = await say({ room: GROUP, speaker: ' 王阿姨 ', text: '3号楼2单元楼道灯坏了', mention: true });

    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ id: 'msg-1' });
    expect(world.said).toEqual([
      { from: '王阿姨', room: GROUP, text: '3号楼2单元楼道灯坏了', mention: true },
    ]);
    expect(page?.feed.after(0).entries).toEqual([
      expect.objectContaining({
        from: '王阿姨',
        room: GROUP,
        text: '3号楼2单元楼道灯坏了',
        mentions: ['社区哨子'],
      }),
    ]);
  });

  it('says it privately to the bot for room null (a mention means nothing there)', async () => {
    const { say, world } = setUp();

    const res = await say({ room: null, speaker: '李明', text: '我的工单', mention: true });

    expect(res.status).toBe(202);
    expect(world.said).toEqual([{ from: '李明', room: null, text: '我的工单' }]);
  });

  it.each([
    [{ room: GROUP, speaker: '王阿姨', text: '灯'.repeat(MAX_TEXT_CHARS + 1) }, '最多 2000 个字'],
    [{ room: GROUP, speaker: '王阿姨', text: '   ' }, '请先输入要说的话'],
    [{ room: GROUP, speaker: '', text: '你好' }, '请先填写说话人的名字'],
    [{ room: GROUP, speaker: '名'.repeat(MAX_NAME_CHARS + 1), text: '你好' }, '名字最多 20 个字'],
    [{ room: GROUP, speaker: '王\n阿姨', text: '你好' }, '名字里不能有换行'],
    [{ room: '不存在的群', speaker: '王阿姨', text: '你好' }, '没有这个群'],
    [{ room: GROUP, speaker: '王阿姨', photo: { name: 'x.png', data: 'PHN2Zz4=' } }, '只能发送 JPG'],
    [{ speaker: '王阿姨', text: '你好' }, '请求格式不对'],
  ])('refuses %j with a Chinese sentence and says nothing', async (body, error) => {
    const { say, world } = setUp();

    const res = await say(body);

    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(error);
    expect(world.said).toEqual([]);
  });

  it('takes exactly the longest message allowed', async () => {
    const { say } = setUp();

    const res = await say({ room: GROUP, speaker: '王阿姨', text: '灯'.repeat(MAX_TEXT_CHARS) });

    expect(res.status).toBe(202);
  });

  it('takes JSON only (a form on another site cannot post it)', async () => {
    const { say, world } = setUp();

    const res = await say('room=x&speaker=y&text=z', 'application/x-www-form-urlencoded');

    expect(res.status).toBe(415);
    expect(world.said).toEqual([]);
  });

  it('sends a picked photo with its bytes, named by what it really is, and a voice as a stand-in', async () => {
    const { say, world } = setUp();

    await say({ room: GROUP, speaker: '王阿姨', photo: { name: '../../etc/楼道 灯.jpg', data: PNG } });
    await say({ room: GROUP, speaker: '王阿姨', voice: true });

    expect(world.said[0]).toEqual({ from: '王阿姨', room: GROUP, image: '楼道灯.png', bytes: PNG });
    expect(world.said[1]).toMatchObject({ from: '王阿姨', room: GROUP, voice: 'voice.sil' });
    // the page never names a file on the server's disk
    expect(world.said[1]?.bytes).toBeTruthy();
  });

  it('refuses a body over the size limit with 413', async () => {
    const { say } = setUp();

    const res = await say({
      room: GROUP,
      speaker: '王阿姨',
      photo: { name: 'a.png', data: 'A'.repeat(8_000_000) },
    });

    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toContain('5 MB');
  });
});

describe('GET /sandbox/api/feed', () => {
  it('answers what came after `after`, and the whole feed for a missing or odd value', async () => {
    const { say, app } = setUp();
    await say({ room: GROUP, speaker: '王阿姨', text: '第一条' });
    await say({ room: GROUP, speaker: '王阿姨', text: '第二条' });

    const all = (await (await app.request('/sandbox/api/feed?after=abc')).json()) as { last: number };
    const rest = (await (await app.request('/sandbox/api/feed?after=1')).json()) as {
      entries: Array<{ text: string }>;
    };

    expect(all.last).toBe(2);
    expect(rest.entries.map((e) => e.text)).toEqual(['第二条']);
  });
});
