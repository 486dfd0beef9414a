import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createCascadeClassifier, mergeResults } from '../../../../src/classify/cascade-classifier.js';
import type { CascadePolicy } from '../../../../src/classify/cascade-policy.js';
import { withLlmCache } from '../../../../src/llm/cached-classifier.js';
import { classification, fixedLocal, scriptedRemote } from './fakes.js';

const policy: CascadePolicy = { mode: 'unsure', threshold: 0.75, budget: 1 };
const logger = pino({ level: 'silent' });
const llmAnswer = classification({
  category: 'building_repair',
  body: 'housing',
  source: 'llm',
  confidence: 0.9,
});

describe('createCascadeClassifier', () => {
  it('returns a sure local answer without asking the LLM', async () => {
    const local = classification({ confidence: 0.9 });
    const remote = scriptedRemote();
    const cascade = createCascadeClassifier({ local: fixedLocal(local), remote, policy, logger });

    const result = await cascade.classify({ text: '3号楼电梯坏了' });

    expect(result).toBe(local);
    expect(remote.inputs).toEqual([]);
  });

  it('asks the LLM about a sure-looking emergency check: the LLM decides the grey zone', async () => {
    const local = classification({ confidence: 0.95, emergency_check: true });
    const remote = scriptedRemote({ success: true, data: llmAnswer });
    const cascade = createCascadeClassifier({ local: fixedLocal(local), remote, policy, logger });

    const result = await cascade.classify({ text: '楼道里好像有股煤气味' });

    expect(remote.inputs).toHaveLength(1);
    expect(result.source).toBe('llm');
    expect(result.emergency_check).toBe(false);
  });

  it('uses the LLM answer when the local one is unsure', async () => {
    const remote = scriptedRemote({ success: true, data: llmAnswer });
    const cascade = createCascadeClassifier({ local: fixedLocal(classification()), remote, policy, logger });

    const result = await cascade.classify({ text: '楼顶漏水', roomTopic: '幸福里二区居民群' });

    expect(result).toMatchObject({ category: 'building_repair', body: 'housing', source: 'llm' });
    expect(remote.inputs).toEqual([{ text: '楼顶漏水', roomTopic: '幸福里二区居民群' }]);
  });

  it('never sends sure chatter to the LLM, even in always mode', async () => {
    const chatter = classification({ intent: 'chatter', category: 'none', body: 'none', confidence: 0.95 });
    const remote = scriptedRemote();
    const cascade = createCascadeClassifier({
      local: fixedLocal(chatter),
      remote,
      policy: { mode: 'always', threshold: 0.75, budget: 1 },
    });

    await cascade.classify({ text: '早上好' });

    expect(remote.inputs).toEqual([]);
  });

  it('asks the LLM about sure non-chatter in always mode', async () => {
    const remote = scriptedRemote({ success: true, data: llmAnswer });
    const cascade = createCascadeClassifier({
      local: fixedLocal(classification({ confidence: 0.99 })),
      remote,
      policy: { mode: 'always', threshold: 0.75, budget: 1 },
    });

    expect((await cascade.classify({ text: 'x' })).source).toBe('llm');
  });

  it.each(['timeout', 'invalid_output', 'circuit_open', 'rate_limited'] as const)(
    'falls back to the local answer when the LLM fails with %s',
    async (reason) => {
      const local = classification({ cues: ['kw:电梯'] });
      const remote = scriptedRemote({ success: false, error: { reason, detail: 'x' } });
      const cascade = createCascadeClassifier({ local: fixedLocal(local), remote, policy, logger });

      const result = await cascade.classify({ text: '电梯' });

      expect(result).toEqual({
        ...local,
        source: 'local-fallback',
        cues: ['kw:电梯', `llm-failed:${reason}`],
      });
    },
  );

  it('falls back when the remote adapter throws', async () => {
    const cascade = createCascadeClassifier({
      local: fixedLocal(classification()),
      remote: scriptedRemote(),
      policy,
    });

    const result = await cascade.classify({ text: 'x' });

    expect(result.source).toBe('local-fallback');
    expect(result.cues).toContain('llm-failed:unavailable');
  });

  it('answers locally when no LLM is configured', async () => {
    const local = classification({ confidence: 0.1 });
    const cascade = createCascadeClassifier({ local: fixedLocal(local), policy });

    expect(await cascade.classify({ text: 'x' })).toBe(local);
  });
});

describe('mergeResults', () => {
  it('keeps a local emergency the LLM downgraded, with the LLM category', () => {
    const local = classification({
      intent: 'emergency',
      category: 'fire_safety',
      body: 'fire',
      urgency: 'emergency',
    });
    const llm = classification({
      intent: 'grievance',
      category: 'gas',
      body: 'gas_co',
      tiao_kuai: 'section',
      urgency: 'urgent',
      source: 'llm',
    });

    const merged = mergeResults(local, llm);

    expect(merged).toMatchObject({
      intent: 'emergency',
      urgency: 'emergency',
      category: 'gas',
      body: 'gas_co',
    });
    expect(merged.cues).toContain('safety:emergency-kept-from-local(llm said grievance)');
  });

  it('keeps the local labels when the LLM called a local emergency chatter', () => {
    const local = classification({
      intent: 'emergency',
      category: 'fire_safety',
      body: 'fire',
      tiao_kuai: 'section',
      urgency: 'emergency',
    });
    const llm = classification({
      intent: 'chatter',
      category: 'none',
      body: 'none',
      tiao_kuai: 'none',
      urgency: 'none',
      source: 'llm',
    });

    expect(mergeResults(local, llm)).toMatchObject({
      intent: 'emergency',
      category: 'fire_safety',
      body: 'fire',
      tiao_kuai: 'section',
      urgency: 'emergency',
    });
  });

  it('accepts an emergency the LLM found and the local missed', () => {
    const llm = classification({ intent: 'emergency', urgency: 'emergency', source: 'llm' });

    expect(mergeResults(classification(), llm).intent).toBe('emergency');
  });

  it('keeps the local location when the LLM names no building', () => {
    const local = classification({ location: { building: 3, unit: 2, room: 502 }, compound: '幸福里一区' });
    const llm = classification({ source: 'llm' });

    const merged = mergeResults(local, llm);

    expect(merged.location).toEqual({ building: 3, unit: 2, room: 502 });
    expect(merged.compound).toBe('幸福里一区');
    expect(merged.cues).toContain('location:kept-from-local');
  });

  it('never moves a building the text states, even when the LLM names another', () => {
    const local = classification({
      location: { building: 3, unit: null, room: null },
      compound: '幸福里一区',
    });
    const llm = classification({
      location: { building: 25, unit: 1, room: null },
      compound: '锦苑',
      source: 'llm',
    });

    const merged = mergeResults(local, llm);
    expect(merged.location).toEqual({ building: 3, unit: null, room: null });
    expect(merged.compound).toBe('幸福里一区');
  });

  it('cannot drop what the local model reads as a request more likely than not', () => {
    const local = classification({ probabilities: { grievance: 0.55, chatter: 0.4, inquiry: 0.05 } });
    const llm = classification({ intent: 'chatter', category: 'none', body: 'none', source: 'llm' });

    const merged = mergeResults(local, llm);
    expect(merged).toMatchObject({ intent: 'grievance', category: 'elevator', body: 'property' });
    expect(merged.cues).toContain('safety:request-kept-from-local(llm said chatter)');
    // a message the local model also doubts may be dropped
    const doubtful = classification({ probabilities: { grievance: 0.3, chatter: 0.7 } });
    expect(mergeResults(doubtful, llm).intent).toBe('chatter');
  });

  it('cannot raise an emergency the local model sees no danger in; the grey zone it may', () => {
    const llm = classification({
      intent: 'emergency',
      urgency: 'emergency',
      category: 'fire_safety',
      source: 'llm',
    });
    const calm = classification({ probabilities: { grievance: 0.9, emergency: 0.01, chatter: 0.09 } });
    expect(mergeResults(calm, llm)).toMatchObject({
      intent: 'grievance',
      urgency: 'urgent',
      category: 'fire_safety',
    });

    const grey = classification({ emergency_check: true, probabilities: { grievance: 0.8, emergency: 0.2 } });
    expect(mergeResults(grey, llm)).toMatchObject({ intent: 'emergency', urgency: 'emergency' });
  });

  it("keeps the LLM's null compound for a street when neither names a building", () => {
    const local = classification({ compound: '锦苑' });
    const llm = classification({ compound: null, category: 'road_facility', source: 'llm' });

    expect(mergeResults(local, llm).compound).toBeNull();
  });
});

describe('an answer the LLM already gave', () => {
  it('is served free of the budget: a repeated unsure text gets the remembered answer when the budget is spent', async () => {
    const remote = withLlmCache(scriptedRemote({ success: true, data: llmAnswer }), {
      maxEntries: 10,
      ttlMs: 60_000,
    });
    // a budget of one call in a hundred, with one call at the start
    const cascade = createCascadeClassifier({
      local: fixedLocal(classification()),
      remote,
      policy: { mode: 'unsure', threshold: 0.75, budget: 0.01 },
      budgetOptions: { burst: 1 },
    });

    const first = await cascade.classify({ text: '楼顶漏水' });
    const other = await cascade.classify({ text: '楼下在吵' });
    const again = await cascade.classify({ text: '楼顶漏水' });

    expect(first.source).toBe('llm');
    expect(other.cues).toContain('llm:over-budget');
    expect(again).toMatchObject({ source: 'llm-cache', category: 'building_repair' });
    expect(remote.stats()).toMatchObject({ misses: 1 });
  });

  it('stands for the same text reworded in form where the local reading is sure of that form', async () => {
    const remote = withLlmCache(scriptedRemote({ success: true, data: llmAnswer }), {
      maxEntries: 10,
      ttlMs: 60_000,
    });
    // the local reading is unsure of the plain text and sure of it with an @ and more marks
    const local = {
      classify: async (input: { text: string }) =>
        classification({
          category: 'neighbor_dispute',
          confidence: input.text.includes('！！') ? 0.99 : 0.5,
        }),
    };
    const cascade = createCascadeClassifier({
      local,
      remote,
      policy: { mode: 'unsure', threshold: 0.75, budget: 1 },
    });

    const first = await cascade.classify({ text: '楼顶漏水！' });
    const again = await cascade.classify({ text: '@社区哨子\u2005 楼顶漏水 ！！' });

    expect(first.source).toBe('llm');
    expect(again).toMatchObject({ source: 'llm-cache', category: 'building_repair' });
    expect(remote.stats()).toMatchObject({ misses: 1, hits: 1 });
  });
});

describe('a reading started ahead', () => {
  const unsure = classification({ confidence: 0.5 });
  const policy: CascadePolicy = { mode: 'unsure', threshold: 0.75, budget: 1 };

  it('asks the LLM as the message arrives, once, and classify takes that answer', async () => {
    const remote = scriptedRemote({ success: true, data: llmAnswer }, { success: true, data: llmAnswer });
    const cascade = createCascadeClassifier({ local: fixedLocal(unsure), remote, policy });

    cascade.lookAhead?.({ text: '楼顶漏水', roomTopic: '幸福里一区业主群' });
    cascade.lookAhead?.({ text: '楼下在吵', roomTopic: '幸福里一区业主群' });
    // both questions are out before intake reads the first message
    await new Promise((r) => setImmediate(r));
    expect(remote.inputs.map((i) => i.text)).toEqual(['楼顶漏水', '楼下在吵']);

    const first = await cascade.classify({ text: '楼顶漏水', roomTopic: '幸福里一区业主群' });
    const second = await cascade.classify({ text: '楼下在吵', roomTopic: '幸福里一区业主群' });
    expect([first.source, second.source]).toEqual(['llm', 'llm']);
    expect(remote.inputs).toHaveLength(2);
  });

  it('is taken only by the same text in the same group, and never by a draft', async () => {
    const remote = scriptedRemote(
      { success: true, data: llmAnswer },
      { success: true, data: llmAnswer },
      { success: true, data: llmAnswer },
    );
    const cascade = createCascadeClassifier({ local: fixedLocal(unsure), remote, policy });

    cascade.lookAhead?.({ text: '楼顶漏水', roomTopic: '幸福里一区业主群' });
    cascade.lookAhead?.({ text: '楼顶漏水', roomTopic: '幸福里一区业主群' });
    cascade.lookAhead?.({ text: '楼顶漏水', draft: true });
    await cascade.classify({ text: '楼顶漏水', roomTopic: '锦苑邻里群' });
    await cascade.classify({ text: '楼顶漏水', roomTopic: '幸福里一区业主群' });
    const draft = await cascade.classify({ text: '楼顶漏水', roomTopic: '幸福里一区业主群', draft: true });

    // one started ahead (the repeat is not started twice), one for the other group; the draft asks nothing
    expect(remote.inputs.map((i) => i.roomTopic)).toEqual(['幸福里一区业主群', '锦苑邻里群']);
    expect(draft.source).toBe('local');
  });

  it('starts nothing for a message the local model is sure of', async () => {
    const remote = scriptedRemote();
    const cascade = createCascadeClassifier({
      local: fixedLocal(classification({ confidence: 0.99 })),
      remote,
      policy,
    });

    cascade.lookAhead?.({ text: '3号楼电梯坏了' });
    const c = await cascade.classify({ text: '3号楼电梯坏了' });

    expect(c.source).toBe('local');
    expect(remote.inputs).toEqual([]);
  });
});
