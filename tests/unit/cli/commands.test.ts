import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Classifier } from '../../../src/classify/classifier.js';
import { runCheckConfig } from '../../../src/cli/check-config-command.js';
import { runClassify } from '../../../src/cli/classify-command.js';
import type { CliIo } from '../../../src/cli/io.js';

function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
}

const echoClassifier: Classifier = {
  classify: async ({ text }) => ({
    intent: text.includes('坏') ? 'grievance' : 'chatter',
    category: text.includes('坏') ? 'elevator' : 'none',
    body: text.includes('坏') ? 'property' : 'none',
    tiao_kuai: text.includes('坏') ? 'block' : 'none',
    urgency: 'normal',
    location: { building: 3, unit: null, room: null },
    compound: null,
    place: 'unknown',
    probabilities: {},
    emergency_check: false,
    confidence: 0.876,
    source: 'local',
    cues: ['x'],
  }),
};

describe('runClassify', () => {
  it('answers every line in order, with an error line for bad input, and goes on', async () => {
    const io = captureIo();
    const input = Readable.from(
      [
        '{"id":"a","text":"电梯坏了","extra":1}',
        'not json',
        '{"id":"c"}',
        '',
        '{"id":"d","text":"你好"}',
      ].join('\n'),
    );

    const code = await runClassify(input, echoClassifier, io);

    expect(code).toBe(0);
    const lines = io.out.map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        id: 'a',
        intent: 'grievance',
        category: 'elevator',
        body: 'property',
        tiao_kuai: 'block',
        urgency: 'normal',
        location: { building: 3, unit: null, room: null },
        confidence: 0.88,
        source: 'local',
        probabilities: {},
        emergency_check: false,
      },
      { id: null, error: 'line 2: not JSON' },
      { id: 'c', error: 'line 3: needs a non-empty "text" string' },
      expect.objectContaining({ id: 'd', intent: 'chatter' }),
    ]);
  });
});

describe('runCheckConfig', () => {
  it('accepts the shipped sample community', () => {
    const io = captureIo();

    expect(runCheckConfig([], io)).toBe(0);
    expect(io.out[0]).toMatch(/ok \(幸福里社区: 3 compounds, 4 grids, 19 bodies, 6 groups\)/);
  });

  it('refuses a wrong file with its name, line and field', () => {
    const file = join(tmpdir(), `bad-directory-${process.pid}.yaml`);
    writeFileSync(file, 'community: 幸福里社区\nstreet_office: 明德街道办事处\ncompounds: []\n');
    const io = captureIo();

    expect(runCheckConfig([file], io)).toBe(1);
    expect(io.err[0]).toContain(`${file}:3: compounds:`);
  });
});
