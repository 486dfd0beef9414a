import type { CommandName } from './command.js';
import { COMMAND_NAMES } from './command.js';
import { COMMAND_SPECS } from './command-specs.js';
import { isBlankFrom } from './normalize.js';

export type VerbEntry = { word: string; name: CommandName };
export type VerbMatch = { name: CommandName; end: number };

const ASCII_WORD = /^[a-z]+$/;
const ASCII_LETTER = /[a-z]/i;
// '?' alone asks for help, but "?是什么意思" is chat.
const WHOLE_MESSAGE_ONLY = new Set(['?']);

/** Every verb and alias with its command, longest first so 不满意 wins over 满意 and 我的工单 over 我的. */
export const VERB_ENTRIES: readonly VerbEntry[] = COMMAND_NAMES.flatMap((name) =>
  [COMMAND_SPECS[name].verb, ...COMMAND_SPECS[name].aliases].map((word) => ({ word, name })),
).sort((a, b) => b.word.length - a.word.length);

/** The verb at `pos` of normalized text, if any. Chinese verbs need no space after them (接单12). */
export function matchVerb(text: string, pos: number): VerbMatch | null {
  for (const { word, name } of VERB_ENTRIES) {
    const candidate = text.slice(pos, pos + word.length);
    if (candidate.toLowerCase() !== word) {
      continue;
    }
    const end = pos + word.length;
    if (ASCII_WORD.test(word) && ASCII_LETTER.test(text[end] ?? '')) {
      continue;
    }
    if (WHOLE_MESSAGE_ONLY.has(word) && !isBlankFrom(text, end)) {
      continue;
    }
    return { name, end };
  }
  return null;
}
