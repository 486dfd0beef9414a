import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { EntryExamples, EntryModelCache } from '../../../src/knowledge/entry-model.js';
import { fileEntryModelCache } from '../../../src/knowledge/load-knowledge.js';

/** A cache in memory that counts what it is asked. */
function countingCache(): EntryModelCache & {
  blobs: Map<string, Uint8Array>;
  writes: number;
  reads: number;
} {
  const cache = {
    blobs: new Map<string, Uint8Array>(),
    writes: 0,
    reads: 0,
    read(key: string) {
      cache.reads++;
      return cache.blobs.get(key);
    },
    write(key: string, bytes: Uint8Array) {
      cache.writes++;
      cache.blobs.set(key, bytes);
    },
  };
  return cache;
}

/** The entry model as a fresh process loads it: no model fitted in this module yet. */
async function freshTrainer() {
  vi.resetModules();
  return (await import('../../../src/knowledge/entry-model.js')).trainEntryModel;
}

const EXAMPLES: EntryExamples[] = [
  { id: 'office-hours', texts: ['居委会几点上班', '社区周末有人吗', '办公时间是几点到几点'] },
  { id: 'senior-card', texts: ['老年卡怎么办', '老年优待证在哪申请', '满六十岁办什么卡'] },
  { id: 'bulky-waste', texts: ['旧沙发扔哪里', '大件垃圾什么时候清运', '装修垃圾怎么处理'] },
];
const QUESTIONS = ['居委会周六上班吗', '老年卡在哪办', '旧床垫放哪', 'hello'];

describe('the entry model kept between processes', () => {
  it('is fitted once, kept, and read back by the next process with the same answers', async () => {
    const cache = countingCache();
    const first = (await freshTrainer())(EXAMPLES, cache);
    expect(cache.writes).toBe(1);
    const second = (await freshTrainer())(EXAMPLES, cache);
    expect(cache.writes).toBe(1);
    expect(cache.reads).toBe(2);
    for (const q of QUESTIONS) {
      expect(second.rank(q)).toEqual(first.rank(q));
    }
    expect(first.rank('老年卡在哪办')[0]?.id).toBe('senior-card');
  });

  it('fits again when the kept model is damaged or the entries changed', async () => {
    const cache = countingCache();
    const first = (await freshTrainer())(EXAMPLES, cache);
    const [key, blob] = [...cache.blobs][0] ?? ['', new Uint8Array()];
    cache.blobs.set(key, blob.subarray(0, blob.length - 9));
    const refitted = (await freshTrainer())(EXAMPLES, cache);
    expect(cache.writes).toBe(2);
    expect(refitted.rank('旧床垫放哪')).toEqual(first.rank('旧床垫放哪'));
    const changed = EXAMPLES.map((e, i) => (i === 0 ? { ...e, texts: [...e.texts, '中午有人吗'] } : e));
    (await freshTrainer())(changed, cache);
    expect(cache.blobs.size).toBe(2);
  });

  it('keeps files in a folder, written whole, and is no cache where it cannot write', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'shaozi-kb-cache-')), 'cache');
    const cache = fileEntryModelCache(dir);
    expect(cache.read('k1')).toBeUndefined();
    cache.write('k1', Uint8Array.from([1, 2, 3]));
    expect([...(cache.read('k1') ?? [])]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['kb-entry-model-k1.bin']);
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    const broken = fileEntryModelCache(join(file, 'cache'));
    expect(() => broken.write('k2', Uint8Array.from([1]))).not.toThrow();
    expect(broken.read('k2')).toBeUndefined();
  });
});
