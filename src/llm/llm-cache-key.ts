import type { ClassifyInput } from '../labels/classification.js';
import { maskPersonalData } from '../privacy/mask.js';

/**
 * A WeChat @mention: `@name` at the start or after a space, ended by a space (WeChat puts U+2005 after
 * it) or the end of the text; an e-mail address (`a@b.com`) is not one.
 */
const MENTION = /(^|\s)@[^\s@]{1,20}(?=\s|$)/gu;
/** A run of punctuation or symbols (「！！！」, 「。。。」, 「👍👍」): its first character stands for it. */
const PUNCTUATION_RUN = /([\p{P}\p{S}])[\p{P}\p{S}]+/gu;
/** Closing marks that add no meaning (「坏了！」 is 「坏了」); a question mark stays, it makes a question. */
const TRAILING_MARKS = /[!.。~～…]+$/u;
/** A space that separates nothing: not between two Latin letters or digits (「3 5」 stays two numbers). */
const LONE_SPACE = / (?![a-z0-9])|(?<![a-z0-9]) /g;

/**
 * The text as the cache compares it: personal numbers masked (as the LLM sees them), full width folded
 * to half width (NFKC), @mentions dropped, runs of punctuation to one, spaces only where they separate
 * words, no closing 「！」 or 「。」, lower case; masked again, since folding can turn ①③⑧… into digits.
 * Empty when nothing is left.
 */
export function normalizeForCache(text: string): string {
  const folded = maskPersonalData(text).normalize('NFKC');
  const normal = folded
    .replace(MENTION, '$1')
    .replace(PUNCTUATION_RUN, '$1')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(LONE_SPACE, '')
    .replace(TRAILING_MARKS, '');
  return maskPersonalData(normal);
}

/**
 * The cache key of one classification request: the group (its answer may name the group's compound) and
 * the normalised text (neither holds a line break); undefined when the text is nothing but mentions,
 * spaces and closing marks.
 */
export function llmCacheKey(input: ClassifyInput): string | undefined {
  const text = normalizeForCache(input.text);
  if (text === '') {
    return undefined;
  }
  const room = input.roomTopic ? normalizeForCache(input.roomTopic) : '';
  return `${room}\n${text}`;
}
