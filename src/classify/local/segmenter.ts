import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | undefined;

/** Words of a text by jieba (default dictionary, HMM on for unseen words); loaded once per process. */
export function segment(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  return jieba.cut(text, true);
}

const SKIP = /^[\s\p{P}\p{S}\d]+$/u;

/** Model features: jieba words plus character 1-3-grams of the Chinese runs, so unseen compounds still share evidence. */
export function featuresOf(text: string): string[] {
  const features: string[] = [];
  for (const word of segment(text)) {
    if (!SKIP.test(word)) {
      features.push(`w:${word}`);
    }
  }
  for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let i = 0; i < run.length; i++) {
      features.push(`u:${run[i]}`);
      if (i + 1 < run.length) {
        features.push(`b:${run.slice(i, i + 2)}`);
      }
      if (i + 2 < run.length) {
        features.push(`t:${run.slice(i, i + 3)}`);
      }
    }
  }
  return features;
}
