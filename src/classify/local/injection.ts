import { hasAny } from './cue.js';

/** Orders to the bot inside a message (prompt injection): measured as exact on every labelled set. */
const INJECTION = [
  /忽略.{0,6}(?:指令|指示|规则|上面|以上|之前)|ignore (?:all )?(?:the )?(?:previous|above|prior)/,
  /系统提示|管理员测试|admin order|你现在(?:是|扮演)|扮演我|新规则|输出\s*\{|分类为|标为|标记为|label (?:every|this)/,
];

/** Sentences that give the bot orders are data, not instructions: they are dropped before classification. */
export function stripInjection(text: string): { text: string; injected: boolean } {
  if (!hasAny(text, INJECTION)) {
    return { text, injected: false };
  }
  const clauses = text.split(/(?<=[。！？!?\n，,；; ])/);
  const kept = clauses.filter((s) => !hasAny(s, INJECTION));
  return { text: kept.join('').trim(), injected: true };
}
