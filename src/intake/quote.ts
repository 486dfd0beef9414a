/**
 * WeChat's quoted reply, as it reaches the bot in text: the quote 「显示名：被引用的话」, a line of dashes,
 * then what the sender wrote (some clients put the new text first). The quote is context; the new part is
 * the message.
 */
export type QuotedMessage = { quoted: { name: string; text: string } | null; text: string };

const SEPARATOR = /\n\s*(?:-\s*){5,}\n?/;
const QUOTE = /^\s*[「"“]([^：:」\n]{1,40})[：:]([\s\S]*?)[」"”]\s*$/;

export function parseQuote(text: string): QuotedMessage {
  const parts = text.split(SEPARATOR);
  if (parts.length !== 2) {
    return { quoted: null, text };
  }
  const [first = '', second = ''] = parts;
  for (const [quote, rest] of [
    [first, second],
    [second, first],
  ] as const) {
    const m = QUOTE.exec(quote);
    if (m && rest.trim().length > 0) {
      return { quoted: { name: (m[1] ?? '').trim(), text: (m[2] ?? '').trim() }, text: rest.trim() };
    }
  }
  return { quoted: null, text };
}
