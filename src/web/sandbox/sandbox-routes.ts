import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { SAMPLE_RESIDENTS } from '../../bot/wechaty/sandbox-world.js';
import type { Sandbox } from '../../bot/wechaty/sandbox-worlds.js';
import type { Directory } from '../../directory/directory.js';
import { SandboxFeed } from './sandbox-feed.js';
import { sandboxPage } from './sandbox-page.js';
import { roleText, speakersOf } from './sandbox-people.js';
import { MAX_PHOTO_BYTES, MAX_TEXT_CHARS, parseSayRequest } from './say-request.js';

export type SandboxPageWorld = Pick<Sandbox, 'say' | 'roomTopics' | 'people' | 'onSay'>;

export type SandboxPageDeps = {
  directory: Directory;
  /** The clock the bot runs on (its times label the feed). */
  now: () => Date;
};

export type SandboxPage = {
  /** The page and its JSON API, to mount at /sandbox. */
  app: Hono;
  /** What people said and what the bot sent; the bot's sends are recorded by the caller (`feed.sent`). */
  feed: SandboxFeed;
};

const DEFAULT_SPEAKER = SAMPLE_RESIDENTS[0];

/**
 * The sandbox page when the bot runs on the mock puppet; undefined when it does not (a real WeChat account
 * has no page that speaks as anyone, so /sandbox is not served at all).
 */
export function createSandboxPage(
  world: SandboxPageWorld | undefined,
  deps: SandboxPageDeps,
): SandboxPage | undefined {
  if (!world) {
    return undefined;
  }
  const { directory } = deps;
  const feed = new SandboxFeed({
    botName: directory.botName,
    now: deps.now,
    roleOf: (name) => roleText(directory, name),
  });
  world.onSay((said) => feed.said(said));
  return { app: sandboxRoutes(world, feed, directory), feed };
}

function sandboxRoutes(world: SandboxPageWorld, feed: SandboxFeed, directory: Directory): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('x-frame-options', 'DENY');
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'same-origin');
    c.header('cache-control', 'no-store');
  });
  app.get('/', (c) => {
    const nonce = randomBytes(16).toString('base64');
    c.header(
      'content-security-policy',
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; ` +
        "img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    const topics = world.roomTopics();
    return c.html(
      sandboxPage({
        botName: directory.botName,
        groups: topics.map((topic) => ({ topic, kind: directory.group(topic)?.kind ?? 'residents' })),
        speakers: speakersOf(directory, world.people()),
        defaultSpeaker: DEFAULT_SPEAKER,
        maxChars: MAX_TEXT_CHARS,
        maxPhotoBytes: MAX_PHOTO_BYTES,
        nonce,
      }),
    );
  });
  app.get('/api/feed', (c) => {
    const after = Number(c.req.query('after') ?? 0);
    return c.json(feed.after(Number.isSafeInteger(after) && after > 0 ? after : 0));
  });
  app.post(
    '/api/say',
    bodyLimit({
      // a photo's base64 is a third larger than the photo
      maxSize: Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 64 * 1024,
      onError: (c) => c.json({ error: `内容太大了：照片最大 ${MAX_PHOTO_BYTES / 1024 / 1024} MB。` }, 413),
    }),
    async (c) => {
      // JSON only: a form on another site cannot post it without the browser asking first
      if (!(c.req.header('content-type') ?? '').startsWith('application/json')) {
        return c.json({ error: '请用 JSON 发送。' }, 415);
      }
      const body = await c.req.json().catch(() => undefined);
      const request = parseSayRequest(body, world.roomTopics());
      if (!request.success) {
        return c.json({ error: request.error }, 400);
      }
      const id = world.say(request.data);
      return c.json({ id }, 202);
    },
  );
  return app;
}
