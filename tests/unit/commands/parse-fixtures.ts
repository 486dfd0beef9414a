import { readFileSync } from 'node:fs';
import type { Command, ParseResult } from '../../../src/commands/command.js';
import { type ParseOptions, parseCommand } from '../../../src/commands/parse-command.js';
import { DEFAULT_DIRECTORY_FILE, parseDirectoryText } from '../../../src/directory/load-directory.js';
import type { Body } from '../../../src/labels/labels.js';

export const BOT_NAME = '社区哨子';

const loaded = parseDirectoryText(readFileSync(DEFAULT_DIRECTORY_FILE, 'utf8'));
if (!loaded.success) {
  throw new Error(`sample directory does not load: ${JSON.stringify(loaded.problems)}`);
}
const directory = loaded.directory;

/** The resolver the bot passes: the sample directory's findBody. */
export const resolveBody = (name: string): Body | undefined =>
  directory.findBody(name)?.id as Body | undefined;

export function parse(text: string, options: Partial<ParseOptions> = {}): ParseResult {
  return parseCommand(text, { botName: BOT_NAME, resolveBody, ...options });
}

export const command = (c: Command): ParseResult => ({ kind: 'command', command: c });

/** ASCII to its full-width form and spaces to U+3000, as a Chinese IME in full-width mode types them. */
export function toFullWidth(text: string): string {
  return text.replace(/[\x21-\x7e ]/g, (c) =>
    c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0),
  );
}

/** The same command with its free text as a full-width typist would see it echoed back. */
export function fullWidthCommand(c: Command): Command {
  const copy: Record<string, unknown> = { ...c };
  for (const key of ['text', 'reason']) {
    const value = copy[key];
    if (typeof value === 'string') {
      copy[key] = toFullWidth(value);
    }
  }
  return copy as Command;
}

/** Ways to address the bot before a verb; each makes the message explicit. */
export const PREFIXES = [
  '#',
  '/',
  '＃',
  '／',
  '# ',
  '@社区哨子 ',
  '@社区哨子\u2005',
  '@社区哨子\u2005#',
  '＠社区哨子\u3000',
];
