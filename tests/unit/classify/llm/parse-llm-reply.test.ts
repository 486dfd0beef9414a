import { describe, expect, it } from 'vitest';
import { loadClassifyPrompt } from '../../../../src/classify/llm/classify-prompt.js';
import type { LlmReply } from '../../../../src/classify/llm/llm-reply.js';
import { parseLlmReply, toClassification } from '../../../../src/classify/llm/parse-llm-reply.js';
import { loadDirectory } from '../../../../src/directory/load-directory.js';
import { ClassificationSchema } from '../../../../src/labels/classification.js';

const prompt = loadClassifyPrompt('prompts', loadDirectory());
const schema = prompt.replySchema;

const reply = (overrides: Partial<LlmReply> = {}): LlmReply => ({
  intent: 'grievance',
  category: 'elevator',
  body: 'property',
  urgency: 'urgent',
  location: { building: 3, unit: 2, room: 502 },
  compound: '幸福里一区',
  confidence: 0.9,
  reason: '电梯故障',
  ...overrides,
});

describe('parseLlmReply', () => {
  it.each(prompt.examples.map((e) => [e.text, e.reply] as const))(
    'accepts the example reply for %j',
    (_t, r) => {
      expect(parseLlmReply(JSON.stringify(r), schema)).toEqual({ success: true, data: r });
    },
  );

  it('accepts JSON inside a ```json fence', () => {
    const content = `\`\`\`json\n${JSON.stringify(reply())}\n\`\`\``;

    expect(parseLlmReply(content, schema)).toEqual({ success: true, data: reply() });
  });

  it.each([
    ['empty', ''],
    ['null', null],
    ['not JSON', '电梯坏了，归物业'],
    ['truncated JSON', '{"intent": "grievance", "category": '],
  ])('rejects a reply that is %s', (_what, content) => {
    expect(parseLlmReply(content, schema).success).toBe(false);
  });

  it.each([
    ['an unknown category', { category: 'lift' }],
    ['an unknown body', { body: 'wuye' }],
    ['a confidence above 1', { confidence: 1.4 }],
    ['a building as text', { location: { building: '3号楼', unit: null, room: null } }],
    ['an unknown compound', { compound: '阳光花园' }],
    ['an extra field', { extra: 1 }],
  ])('rejects %s', (_what, overrides) => {
    const result = parseLlmReply(JSON.stringify({ ...reply(), ...overrides }), schema);

    expect(result).toMatchObject({ success: false, detail: expect.stringMatching(/^schema: /) });
  });

  it('rejects a reply with a field missing', () => {
    const { urgency: _dropped, ...rest } = reply();

    expect(parseLlmReply(JSON.stringify(rest), schema).success).toBe(false);
  });
});

describe('toClassification', () => {
  it('fills tiao_kuai, source and cues and fits the Classification schema', () => {
    const result = toClassification(reply({ body: 'housing' }), prompt.compounds, '1');

    expect(result).toMatchObject({ body: 'housing', tiao_kuai: 'section', source: 'llm' });
    expect(result.cues).toEqual(['llm:prompt-v1', 'llm:电梯故障']);
    expect(ClassificationSchema.safeParse(result).success).toBe(true);
  });

  it('sets none labels for feedback and chatter', () => {
    const result = toClassification(reply({ intent: 'feedback' }), prompt.compounds, '1');

    expect(result).toMatchObject({ category: 'none', body: 'none', tiao_kuai: 'none', urgency: 'none' });
    expect(result.cues).toContain('llm:labels-normalized');
  });

  it('never leaves an actionable intent without a category, body or urgency', () => {
    const result = toClassification(
      reply({ category: 'none', body: 'none', urgency: 'none' }),
      prompt.compounds,
      '1',
    );

    expect(result).toMatchObject({ category: 'other', body: 'committee', urgency: 'normal' });
  });

  it('gives an emergency emergency urgency', () => {
    expect(toClassification(reply({ intent: 'emergency' }), prompt.compounds, '1').urgency).toBe('emergency');
  });

  it('lets a known building decide the compound', () => {
    const result = toClassification(
      reply({ location: { building: 25, unit: null, room: null }, compound: '幸福里一区' }),
      prompt.compounds,
      '1',
    );

    expect(result.compound).toBe('锦苑');
  });

  it('masks personal numbers the model echoes in its reason', () => {
    const result = toClassification(reply({ reason: '居民电话13812345678' }), prompt.compounds, '1');

    expect(result.cues.join()).not.toContain('13812345678');
  });
});
