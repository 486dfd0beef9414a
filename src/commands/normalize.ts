/**
 * Chat text compared in NFKC form (＃１２ → #12, full-width spaces → spaces) while free text is
 * cut from the original, so a reason keeps its full-width punctuation as typed.
 */
export type NormalizedText = {
  readonly text: string;
  readonly original: string;
  /** offsets[i] is where the code point that produced text[i] starts in the original. */
  readonly offsets: readonly number[];
};

const ZERO_WIDTH = /[\u200b-\u200d\u2060]/u;
const SPACE = /[\s\u200b-\u200d\u2060]/u;
const SEPARATOR = /[\s\u200b-\u200d\u2060,:;、]/u;
// Punctuation, symbols and emoji after a command do not make it chat ("进度12？", "满意👍").
const COURTESY_CHARS = '[\\s\\u200b-\\u200d\\u2060\\p{P}\\p{S}\\p{Extended_Pictographic}\\u{fe0f}]';
const ALL_COURTESY = new RegExp(`^${COURTESY_CHARS}*$`, 'u');
const TRAILING_COURTESY = new RegExp(`${COURTESY_CHARS}+$`, 'u');
const LEADING_COURTESY = new RegExp(`^${COURTESY_CHARS}`, 'u');

export function normalizeText(original: string): NormalizedText {
  let text = '';
  const offsets: number[] = [];
  let at = 0;
  for (const char of original) {
    const normal = ZERO_WIDTH.test(char) ? ' ' : char.normalize('NFKC');
    for (let i = 0; i < normal.length; i++) {
      offsets.push(at);
    }
    text += normal;
    at += char.length;
  }
  offsets.push(original.length);
  return { text, original, offsets };
}

/** The original text from normalized position `pos` to the end, trimmed. */
export function originalFrom(input: NormalizedText, pos: number): string {
  return input.original.slice(input.offsets[pos] ?? input.original.length).trim();
}

export function isSpace(char: string | undefined): boolean {
  return char !== undefined && SPACE.test(char);
}

export function isSeparator(char: string | undefined): boolean {
  return char !== undefined && SEPARATOR.test(char);
}

export function skipSpaces(text: string, pos: number): number {
  let at = pos;
  while (isSpace(text[at])) {
    at++;
  }
  return at;
}

export function skipSeparators(text: string, pos: number): number {
  let at = pos;
  while (isSeparator(text[at])) {
    at++;
  }
  return at;
}

/** True when nothing but spaces, punctuation or emoji follows `pos`. */
export function isBlankFrom(text: string, pos: number): boolean {
  return ALL_COURTESY.test(text.slice(pos));
}

/** The text from `pos` without surrounding spaces and trailing punctuation or emoji. */
export function wordFrom(text: string, pos: number): string {
  return text.slice(skipSpaces(text, pos)).replace(TRAILING_COURTESY, '');
}

/** True when a space, punctuation or emoji stands at `pos`: a pause between a command and chit-chat. */
export function isPauseAt(text: string, pos: number): boolean {
  return LEADING_COURTESY.test(text.slice(pos, pos + 2));
}
