import { skipSpaces } from './normalize.js';

export type Prefix = { explicit: boolean; end: number };

/**
 * Reads what may stand before a verb: spaces, an @-mention of the bot, then `#` or `/` (full-width
 * forms arrive already normalized). Either one makes the message explicitly addressed to the bot.
 */
export function readPrefix(text: string, botName: string): Prefix {
  let pos = skipSpaces(text, 0);
  let explicit = false;
  const mention = `@${botName.normalize('NFKC').trim()}`;
  if (mention.length > 1 && text.startsWith(mention, pos)) {
    pos = skipSpaces(text, pos + mention.length);
    explicit = true;
  }
  if (text[pos] === '#' || text[pos] === '/') {
    pos = skipSpaces(text, pos + 1);
    explicit = true;
  }
  return { explicit, end: pos };
}
