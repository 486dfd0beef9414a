import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, type ParseResult } from '../../../src/commands/command.js';
import { COMMAND_SPECS } from '../../../src/commands/command-specs.js';
import { BOT_NAME, parse, toFullWidth } from './parse-fixtures.js';

const PROBLEMS = [
  'missing_ticket',
  'bad_ticket',
  'missing_text',
  'missing_reason',
  'bad_rating',
  'missing_body',
  'unknown_body',
  'bad_period',
  'missing_building',
  'bad_building',
  'unexpected_text',
  'missing_blocker_reason',
  'missing_resource',
];

const WORDS = COMMAND_NAMES.flatMap((name) => [COMMAND_SPECS[name].verb, ...COMMAND_SPECS[name].aliases]);

/** An oracle written apart from the parser: the text after prefixes, NFKC-normalized, lower-cased. */
function afterPrefix(text: string): string {
  const normal = [...text]
    .map((c) => c.normalize('NFKC'))
    .join('')
    .replace(/[\u200b-\u200d\u2060]/g, ' ');
  return normal.replace(new RegExp(`^\\s*(?:@${BOT_NAME}\\s*)?(?:[#/]\\s*)?`, 'u'), '').toLowerCase();
}

const startsWithVerb = (text: string) => WORDS.some((word) => afterPrefix(text).startsWith(word));

const isPositiveSafeInteger = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;

function assertWellShaped(result: ParseResult): void {
  expect(['none', 'command', 'malformed']).toContain(result.kind);
  if (result.kind === 'malformed') {
    expect(COMMAND_NAMES).toContain(result.name);
    expect(PROBLEMS).toContain(result.problem);
  }
  if (result.kind !== 'command') {
    return;
  }
  const fields = result.command as Record<string, unknown>;
  expect(COMMAND_NAMES).toContain(fields.name);
  if ('ticket' in fields && fields.ticket !== null) {
    expect(isPositiveSafeInteger(fields.ticket)).toBe(true);
  }
  if ('building' in fields) {
    expect(isPositiveSafeInteger(fields.building)).toBe(true);
  }
  if ('score' in fields) {
    expect([1, 2, 3, 4, 5]).toContain(fields.score);
  }
  for (const key of ['text', 'reason']) {
    const value = fields[key];
    if (typeof value === 'string') {
      expect(value.length).toBeGreaterThan(0);
      expect(value).toBe(value.trim());
    }
  }
}

const loneSurrogates = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const pieces = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.constantFrom(
    '#',
    '/',
    '＃',
    '／',
    '@社区哨子',
    '＠社区哨子',
    '@李明',
    ' ',
    '\u2005',
    '\u3000',
    '\u200b',
  ),
  fc.constantFrom('城管', '市场监管', '区住房和城乡建设局', '和', '、', '，', '火星局', '本周', '今天'),
  fc.constantFrom('号', '号楼', '楼', '分', '星', '五', '十', '。', '！', '？', '👍', '🙏🏻', '❤️'),
  fc.nat({ max: 200 }).map(String),
  fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
  fc.nat({ max: 99 }).map((n) => toFullWidth(String(n))),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  loneSurrogates,
);
const mixes = fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join(''));
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary-ascii' }),
  mixes,
);
const options = fc.record({ awaitingConfirmation: fc.boolean(), addressed: fc.boolean() });

describe('parseCommand properties', () => {
  it('never throws and always returns a well-shaped result', () => {
    fc.assert(
      fc.property(anyText, options, (text, opts) => {
        assertWellShaped(parse(text, opts));
      }),
      { numRuns: 3000 },
    );
  });

  it('returns a command only for text that starts with a verb after the optional prefix', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, addressed) => {
        const result = parse(text, { addressed });
        if (!startsWithVerb(text)) {
          expect(result.kind).toBe('none');
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('answers a pending question with a command only for a verb or a lone 1 or 2', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = parse(text, { awaitingConfirmation: true });
        const answer = /^[12](?:[\p{P}\p{S}\p{Extended_Pictographic}\s]|\u{fe0f})*$/u.test(afterPrefix(text));
        if (!startsWithVerb(text) && !answer) {
          expect(result.kind).toBe('none');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads any positive safe ticket number, half or full width, with or without #', () => {
    const forms = fc.constantFrom(
      (n: number) => `进度 ${n}`,
      (n: number) => `进度${n}`,
      (n: number) => `进度#${n}`,
      (n: number) => `#进度 ${n}`,
      (n: number) => toFullWidth(`#进度 #${n}`),
      (n: number) => `@社区哨子\u2005进度 ${n}号`,
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), forms, (n, form) => {
        expect(parse(form(n))).toEqual({ kind: 'command', command: { name: 'progress', ticket: n } });
      }),
    );
  });

  it('keeps free text exactly as typed, trimmed', () => {
    const text = fc
      .tuple(fc.constantFrom('已', '修', '换', '师'), fc.string({ unit: 'grapheme' }))
      .map(([first, rest]) => `${first}${rest}`);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), text, (n, typed) => {
        expect(parse(`办结 ${n} ${typed}`)).toEqual({
          kind: 'command',
          command: { name: 'resolve', ticket: n, text: typed.trim() },
        });
      }),
    );
  });

  it('never reads a message that does not start with a verb as malformed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        fc.pre(!startsWithVerb(text));
        expect(parse(text).kind).toBe('none');
      }),
    );
  });
});
