import { describe, expect, it } from 'vitest';
import type { AnswerPhraser, PhrasedReply } from '../../../../src/knowledge/answerer.js';
import type { Passage } from '../../../../src/knowledge/knowledge-base.js';
import { withAnswerCache } from '../../../../src/llm/cached-answer-phraser.js';

const HOURS: Passage = {
  id: 'office-hours',
  title: '办公时间',
  text: '周一至周五 8:30—17:30',
  body: 'committee',
};
const PHONE: Passage = {
  id: 'property-phone',
  title: '物业电话',
  text: '安居物业 0571-86561001',
  body: 'property',
};

function countingPhraser(...replies: PhrasedReply[]): AnswerPhraser & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    phrase: async (question) => {
      asked.push(question);
      await new Promise((r) => setTimeout(r, 5));
      return replies.shift() ?? { kind: 'failed', reason: 'no reply scripted' };
    },
  };
}

const answer = (text: string, id: string): PhrasedReply => ({ kind: 'answer', text, entryIds: [id] });

describe('phrased answers remembered', () => {
  it('answers the same question over the same entries once, however it is spaced or @-ed', async () => {
    const phraser = countingPhraser(answer('周一至周五 8:30—17:30', 'office-hours'));
    const cached = withAnswerCache(phraser, { maxEntries: 10, ttlMs: 60_000 });

    const [a, b] = await Promise.all([
      cached.phrase('社区办公室几点上班？', [HOURS]),
      cached.phrase('@社区哨子\u2005 社区办公室几点上班？', [HOURS]),
    ]);
    const c = await cached.phrase('社区办公室  几点上班？', [HOURS]);

    expect(phraser.asked).toHaveLength(1);
    expect([a, b, c]).toEqual([a, a, a]);
  });

  it('asks again for other entries, another question, or after a failure', async () => {
    const phraser = countingPhraser(
      { kind: 'failed', reason: 'timeout' },
      answer('周一至周五 8:30—17:30', 'office-hours'),
      answer('安居物业 0571-86561001', 'property-phone'),
      { kind: 'none' },
    );
    const cached = withAnswerCache(phraser, { maxEntries: 10, ttlMs: 60_000 });

    expect((await cached.phrase('几点上班？', [HOURS])).kind).toBe('failed');
    expect((await cached.phrase('几点上班？', [HOURS])).kind).toBe('answer');
    expect((await cached.phrase('几点上班？', [PHONE])).kind).toBe('answer');
    expect((await cached.phrase('能帮我搬家吗？', [HOURS])).kind).toBe('none');
    expect((await cached.phrase('能帮我搬家吗？', [HOURS])).kind).toBe('none');
    expect(phraser.asked).toHaveLength(4);
  });
});
