import { hasAny } from './cue.js';
import { INJECTION } from './intent-cues.js';

/** Sentences that give the bot orders are data, not instructions: they are dropped before classification. */
export function stripInjection(text: string): { text: string; injected: boolean } {
  if (!hasAny(text, INJECTION)) {
    return { text, injected: false };
  }
  const clauses = text.split(/(?<=[。！？!?\n，,；; ])/);
  const kept = clauses.filter((s) => !hasAny(s, INJECTION));
  return { text: kept.join('').trim(), injected: true };
}
