/**
 * Characters that must not pass from a resident's message into anyone else's chat: control characters
 * (but line breaks and tabs) and the bidirectional overrides and isolates that can make a staff notice
 * read backwards (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function cleanText(text: string): string {
  return text.replace(UNSAFE, '');
}

/** The longest text a classifier (and so an LLM) reads of one message: enough for any real report. */
export const MAX_CLASSIFIED_CHARS = 1000;

/** A text cut to at most `max` characters (code points), whole characters only. */
export function capText(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, max).join('');
}
