import { describe, expect, it } from 'vitest';
import { createCascadeClassifier } from '../../../../src/classify/cascade-classifier.js';
import { withLlmCache } from '../../../../src/llm/cached-classifier.js';
import { llmCacheKey, normalizeForCache } from '../../../../src/llm/llm-cache-key.js';
import { LruCache } from '../../../../src/llm/lru-cache.js';
import { classification, fixedLocal, manualClock, scriptedRemote } from './fakes.js';

const answer = classification({
  category: 'building_repair',
  body: 'housing',
  source: 'llm',
  confidence: 0.9,
});
const ok = () => ({ success: true as const, data: answer });
const OPTIONS = { maxEntries: 10, ttlMs: 60_000 };

describe('normalizeForCache', () => {
  it.each([
    ['3号楼  电梯 坏了！！！', '3号楼电梯坏了'],
    ['３号楼电梯坏了。', '3号楼电梯坏了'],
    ['@社区哨子\u20053号楼电梯坏了!', '3号楼电梯坏了'],
    ['3号楼电梯坏了！！ @王阿姨', '3号楼电梯坏了'],
    ['电梯坏了吗？？', '电梯坏了吗?'],
    ['电梯！！坏了', '电梯!坏了'],
    ['Lift  in Building 3 is BROKEN', 'lift in building 3 is broken'],
  ])('reads %j as %j', (text, normal) => {
    expect(normalizeForCache(text)).toBe(normal);
  });

  it('keeps what changes the meaning: the building, a question, the digits apart', () => {
    expect(normalizeForCache('3号楼电梯坏了')).not.toBe(normalizeForCache('5号楼电梯坏了'));
    expect(normalizeForCache('电梯坏了吗？')).not.toBe(normalizeForCache('电梯坏了。'));
    expect(normalizeForCache('3 5号楼')).not.toBe(normalizeForCache('35号楼'));
    expect(normalizeForCache('邮箱 a@b.com 收不到')).toContain('a@b.com');
  });

  it.each([
    '电话13812345678',
    '电话 138 1234 5678',
    '电话１３８１２３４５６７８',
    '电话一三八一二三四五六七八',
    '电话①③⑧①②③④⑤⑥⑦⑧',
    '电话+86 138-1234-5678 @物业小王',
  ])('masks the personal number in %j', (text) => {
    const key = llmCacheKey({ text, roomTopic: '幸福里一区 13812345678' }) ?? '';

    expect(key).not.toMatch(/13812345678|1\D?3\D?8\D?1\D?2\D?3\D?4\D?5\D?6\D?7\D?8/);
    expect(key).toContain('138*5678');
  });

  it('has no key for a text that is only a mention', () => {
    expect(llmCacheKey({ text: '@社区哨子 ' })).toBeUndefined();
  });
});

describe('LruCache', () => {
  it('drops the least recently used entry past its size', () => {
    const cache = new LruCache<number>({ maxEntries: 2, ttlMs: 1_000 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');

    cache.set('c', 3);

    expect(cache.keys()).toEqual(['a', 'c']);
  });

  it('forgets an entry once its time is up', () => {
    const clock = manualClock();
    const cache = new LruCache<number>({ maxEntries: 2, ttlMs: 1_000, now: clock.now });
    cache.set('a', 1);

    clock.advance(999);
    const before = cache.get('a');
    clock.advance(1);

    expect(before).toBe(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps nothing at size 0', () => {
    const cache = new LruCache<number>({ maxEntries: 0, ttlMs: 1_000 });

    cache.set('a', 1);

    expect(cache.get('a')).toBeUndefined();
  });
});

describe('withLlmCache', () => {
  it('asks once for a repeated text, written differently the second time', async () => {
    const remote = scriptedRemote(ok());
    const cached = withLlmCache(remote, OPTIONS);

    const first = await cached.classify({ text: '3号楼楼顶漏水了！', roomTopic: '幸福里二区居民群' });
    const second = await cached.classify({
      text: '@社区哨子 3号楼 楼顶漏水了！！！',
      roomTopic: '幸福里二区居民群',
    });

    expect(remote.inputs).toHaveLength(1);
    expect(first).toMatchObject({ success: true, data: { source: 'llm' } });
    expect(second).toMatchObject({
      success: true,
      data: { source: 'llm-cache', category: 'building_repair' },
    });
    expect(second.success && second.data.cues).toContain('llm:cache-hit');
    expect(cached.stats()).toEqual({ hits: 1, misses: 1, entries: 1 });
  });

  it('asks again for the same text in another group (its answer may name that compound)', async () => {
    const remote = scriptedRemote(ok(), ok());
    const cached = withLlmCache(remote, OPTIONS);

    await cached.classify({ text: '楼顶漏水', roomTopic: '幸福里一区业主群' });
    await cached.classify({ text: '楼顶漏水', roomTopic: '幸福里二区居民群' });

    expect(remote.inputs).toHaveLength(2);
  });

  it('never keeps a failure', async () => {
    const remote = scriptedRemote({ success: false, error: { reason: 'timeout', detail: 'x' } }, ok());
    const cached = withLlmCache(remote, OPTIONS);

    const failed = await cached.classify({ text: '楼顶漏水' });
    const retried = await cached.classify({ text: '楼顶漏水' });

    expect(failed.success).toBe(false);
    expect(retried).toMatchObject({ success: true, data: { source: 'llm' } });
    expect(remote.inputs).toHaveLength(2);
  });

  it('shares one request between two callers asking the same text at once', async () => {
    const remote = scriptedRemote(ok());
    const cached = withLlmCache(remote, OPTIONS);

    const [a, b] = await Promise.all([
      cached.classify({ text: '楼顶漏水' }),
      cached.classify({ text: '楼顶 漏水' }),
    ]);

    expect(remote.inputs).toHaveLength(1);
    expect([a, b].map((o) => o.success && o.data.source).sort()).toEqual(['llm', 'llm-cache']);
  });

  it('hands out copies: a caller changing its answer does not change the next one', async () => {
    const cached = withLlmCache(scriptedRemote(ok()), OPTIONS);
    const first = await cached.classify({ text: '楼顶漏水' });
    if (first.success) {
      first.data.location.building = 99;
    }

    const second = await cached.classify({ text: '楼顶漏水' });

    expect(second.success && second.data.location.building).toBeNull();
  });

  it('never keeps an unmasked phone number in a key', async () => {
    const cached = withLlmCache(scriptedRemote(ok(), ok()), OPTIONS);

    await cached.classify({ text: '3号楼漏水，联系我 138 1234 5678', roomTopic: '幸福里一区业主群' });
    await cached.classify({ text: '电话一三八一二三四五六七八，楼道灯坏了' });

    expect(cached.keys()).toHaveLength(2);
    for (const key of cached.keys()) {
      expect(key.replace(/\D/g, '')).not.toContain('13812345678');
      expect(key).toContain('138*5678');
    }
  });

  it('tells the observer of each hit', async () => {
    const hits: string[] = [];
    const cached = withLlmCache(scriptedRemote(ok()), {
      ...OPTIONS,
      observer: { cached: (k) => hits.push(k) },
    });

    await cached.classify({ text: '楼顶漏水' });
    await cached.classify({ text: '楼顶漏水' });

    expect(hits).toEqual(['classify']);
  });
});

describe('the cascade over a cached LLM', () => {
  it('marks an answer from the cache as such in its source', async () => {
    const remote = scriptedRemote(ok());
    const cascade = createCascadeClassifier({
      local: fixedLocal(classification({ confidence: 0.4 })),
      remote: withLlmCache(remote, OPTIONS),
      policy: { mode: 'unsure', threshold: 0.75, budget: 1 },
    });

    const first = await cascade.classify({ text: '楼顶漏水' });
    const second = await cascade.classify({ text: '楼顶  漏水' });

    expect(remote.inputs).toHaveLength(1);
    expect(first.source).toBe('llm');
    expect(second).toMatchObject({ source: 'llm-cache', category: 'building_repair', body: 'housing' });
  });
});
