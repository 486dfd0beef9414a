import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { conceptCues } from './cues.js';
import { glossOf } from './glossary.js';
import { addHanPinyin, addTypedPinyin } from './pinyin.js';

let jieba: Jieba | undefined;

/** Words of a text by jieba (default dictionary, HMM on for unseen words); loaded once per process. */
export function segment(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(text, true);
}

const SKIP = /^[\s\p{P}\p{S}\d]+$/u;
const HAN_RUN = /[\p{Script=Han}]+/gu;
const LATIN_WORD = /[a-z][a-z']+/g;
/** Latin words in a row, separated by spaces only: pinyin typed word by word (dianti guanren le). */
const LATIN_ROW = /[a-z]+(?:\s+[a-z]+)*/g;

/** Concepts of danger, crossed with what changes their meaning (the past, a drill, a story, a question). */
const DANGERS = new Set([
  'c:fire',
  'c:gas-leak',
  'c:person-down',
  'c:body-alarm',
  'c:blood-injury',
  'c:trapped',
  'c:violence',
  'c:self-harm',
  'c:missing-person',
  'c:water-electric',
  'c:fall-height',
  'c:drowning',
]);
const MODIFIERS = [
  'c:past',
  'c:now',
  'c:hypothetical',
  'c:hearsay',
  'c:drill',
  'c:all-clear',
  'c:joke',
  'c:question',
  'c:urgent-words',
  'c:call-emergency',
  'c:people-at-risk',
  'c:cooking',
  'c:steam',
  'c:hyperbole',
  'c:thanks',
  'c:follow-up',
];

/** Jieba words and character 1–3-grams of the Chinese runs of a text. */
function addHanFeatures(features: Set<string>, text: string): void {
  for (const word of segment(text)) {
    if (!SKIP.test(word)) {
      features.add(`w:${word}`);
    }
  }
  for (const run of text.match(HAN_RUN) ?? []) {
    const chars = [...run];
    addHanPinyin(features, chars);
    for (let i = 0; i < chars.length; i++) {
      features.add(`u:${chars[i]}`);
      if (i + 1 < chars.length) {
        features.add(`b:${chars[i]}${chars[i + 1]}`);
      }
      if (i + 2 < chars.length) {
        features.add(`t:${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
      }
    }
  }
}

/**
 * Model features of a prepared text, each once: jieba words, character 1–3-grams of the Chinese runs (so
 * unseen compounds and dialect spellings still share evidence), their syllable pairs and those of pinyin
 * typed in Latin letters (so homophone typos share evidence with the word meant: pinyin.ts), Latin words,
 * the concept cues, and the danger cues crossed with their modifiers.
 */
export function featuresOf(text: string): string[] {
  const features = new Set<string>();
  addHanFeatures(features, text);
  const latin = text.match(LATIN_WORD) ?? [];
  for (const word of latin) {
    features.add(`e:${word}`);
  }
  for (const row of text.match(LATIN_ROW) ?? []) {
    addTypedPinyin(features, row.split(/\s+/));
  }
  // English words lend their Chinese (glossary.ts): "the lift is stuck" shares 电梯 and 困 with Chinese reports
  const gloss = glossOf(latin);
  if (gloss.length > 0) {
    addHanFeatures(features, gloss);
  }
  const cues = conceptCues(gloss.length > 0 ? `${text} ${gloss}` : text);
  const dangers = cues.filter((c) => DANGERS.has(c));
  for (const cue of cues) {
    features.add(cue);
  }
  if (dangers.length > 0) {
    features.add(`x:danger×${Math.min(dangers.length, 3)}`);
    for (const modifier of MODIFIERS) {
      if (cues.includes(modifier)) {
        features.add(`x:danger+${modifier.slice(2)}`);
      }
    }
  }
  const length = [...text].length;
  features.add(
    length <= 4 ? 'len:tiny' : length <= 15 ? 'len:short' : length <= 60 ? 'len:medium' : 'len:long',
  );
  if (/\d/.test(text)) {
    features.add('has:digit');
  }
  return [...features];
}
