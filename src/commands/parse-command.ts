import { ARGUMENT_PARSERS } from './argument-parsers.js';
import { type BodyResolver, withStandardNames } from './bodies.js';
import type { Command, ParseResult } from './command.js';
import { isBlankFrom, normalizeText } from './normalize.js';
import { readPrefix } from './prefix.js';
import { matchVerb } from './verbs.js';

export type ParseOptions = {
  /** The bot's display name, for `@社区哨子 进度 12`. */
  botName: string;
  /** The directory's body lookup (short or full name); the shared short names are always known. */
  resolveBody?: BodyResolver;
  /** A confirmation question is pending for this sender: `1`/`2` answer it, and 满意/不满意 read loosely. */
  awaitingConfirmation?: boolean;
  /** The transport already saw the bot addressed (a stripped @-mention, a private chat): as if prefixed. */
  addressed?: boolean;
};

/**
 * Reads one chat message as a command of the shared vocabulary (COMMAND_SPECS), or says it is none.
 *
 * - Text is compared in NFKC form, so ＃１２, full-width spaces and digits read as #12; free text
 *   (补充/进展/办结 text, reasons) is cut from the original message and trimmed, after any leading
 *   `，` `:` `、` separators.
 * - A command starts with its verb, optionally after an @-mention of the bot and/or `#` or `/`
 *   (spaces, including U+2005, may follow either). A verb later in a sentence is never a command.
 * - Ticket numbers: `12`, `#12`, `＃12`, `12号`. Spaces are optional where unambiguous (`接单12`,
 *   `进度#12`, `办结12已更换灯泡`), but `12楼`, `12层`, `12单元`, `12号楼` are places, not tickets.
 * - Bodies: the longest name the resolver knows at that point (so `转派12城管占道经营` reads 城管);
 *   吹哨 lists them separated by spaces, 、, ，, 和 or 及, and drops repeats.
 * - 评价 takes 1–5 as 5, 五, 5分 or 5星. 统计 takes 今天/今日, 本周/这周, 本月/这个月; bare 统计
 *   means today, the figure people check most. 查楼/找楼 take 3, 3号楼, 3栋 or 三号楼.
 * - Trailing punctuation and emoji never matter (`进度12？`, `满意👍`).
 * - Chat that merely starts with a verb is left alone: unless the message was explicitly addressed
 *   (prefix, @-mention, `addressed`), a verb followed by words that are not its arguments is
 *   `none` ("满意度调查什么时候", "统计局的人来了吗", "帮助一下老人", "我的天 进度太慢了",
 *   "进度12 怎么还没修"). When it was addressed, the same text is `malformed` so the caller answers
 *   with the command's usage. A bare verb missing its arguments (`进度`) or a verb with a ticket
 *   number but wrong arguments (`评价 12 九分`) is `malformed` either way: it can only be a command.
 * - With `awaitingConfirmation`, a message of just `1` or `2` confirms or rejects, `满意，谢谢` still
 *   confirms, and `不满意 还在漏水` rejects with that reason; without it, 不满意 followed by a reason
 *   and no number is chat unless addressed.
 */
export function parseCommand(text: string, options: ParseOptions): ParseResult {
  const input = normalizeText(text);
  const prefix = readPrefix(input.text, options.botName);
  const explicit = prefix.explicit || options.addressed === true;
  const awaitingConfirmation = options.awaitingConfirmation === true;
  if (awaitingConfirmation) {
    const answer = confirmationAnswer(input.text, prefix.end);
    if (answer) {
      return { kind: 'command', command: answer };
    }
  }
  const verb = matchVerb(input.text, prefix.end);
  if (!verb) {
    return { kind: 'none' };
  }
  const outcome = ARGUMENT_PARSERS[verb.name](
    { input, explicit, awaitingConfirmation, resolveBody: withStandardNames(options.resolveBody) },
    verb.end,
  );
  if (outcome.ok) {
    return { kind: 'command', command: outcome.command };
  }
  if (!explicit && !outcome.attempt) {
    return { kind: 'none' };
  }
  const { problem, detail } = outcome;
  return detail === undefined
    ? { kind: 'malformed', name: verb.name, problem }
    : { kind: 'malformed', name: verb.name, problem, detail };
}

function confirmationAnswer(text: string, pos: number): Command | null {
  const digit = text[pos];
  if ((digit !== '1' && digit !== '2') || !isBlankFrom(text, pos + 1)) {
    return null;
  }
  return digit === '1' ? { name: 'confirm', ticket: null } : { name: 'reject', ticket: null, reason: null };
}
