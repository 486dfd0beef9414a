import { normalizeText } from '../classify/local/normalize.js';
import { segment } from '../classify/local/segmenter.js';

/**
 * A small Okapi BM25 index over jieba words and Chinese character bigrams (so 老年卡 and 老年优待证 still
 * share 老年), with a coverage measure: how much of a question's weight the best document explains. A
 * question whose rare words appear in no document (学区、个税) is not covered, however well its common
 * words match.
 */

export type SearchDoc = { id: string; fields: ReadonlyArray<{ text: string; weight: number }> };
export type SearchHit = { id: string; score: number; coverage: number };

const K1 = 1.2;
const B = 0.75;

/** Words that carry no topic: question words, particles, greetings, the bot's address. */
const STOP = new Set(
  (
    '的 了 吗 呢 吧 啊 呀 哦 嘛 么 是 有 在 和 与 或 我 你 您 他 她 我们 你们 咱 咱们 请问 问 问下 问一下 一下 想 想问 ' +
    '怎么 怎么样 怎样 如何 什么 哪 哪里 哪儿 哪个 哪些 多少 几 几点 谁 能 能不能 可以 可不可以 要 需要 还 也 都 就 ' +
    '这 那 这个 那个 个 吗? 谢谢 麻烦 您好 你好 大家 各位 社区 哨子 社区哨子 知道 告诉 一 下 去 到 给 让 被 把 没 不 ' +
    '没有 怎么办 办 咋 啥 呢? 哈 嗯 呗 人 时候 现在 今天 明天 上 里 吗？'
  ).split(' '),
);

/**
 * Words residents use for the same thing in a question, folded to one term (上班 and 办公 are both office
 * hours). Vocabulary, not rules for particular messages.
 */
const SYNONYMS: ReadonlyArray<readonly string[]> = [
  ['办公', '上班', '开门', '营业', '办公时间', '上班时间', '工作时间', '几点钟'],
  ['电话', '号码', '热线', '联系方式', '手机', '电话号码', '联系电话'],
  ['申请', '办理', '办', '领取', '领', '开'],
  ['老人', '老年人', '长者', '老年', '老人家', '爷爷', '奶奶'],
  ['报修', '维修', '修理', '修'],
  ['地址', '地方', '位置', '在哪', '在哪儿', '在哪里'],
  ['周末', '星期六', '星期天', '周六', '周日', '礼拜天', '礼拜六'],
  ['材料', '证件', '带什么', '资料'],
  ['交费', '缴费', '交钱', '缴纳', '充值', '交'],
  ['小孩', '孩子', '儿童', '宝宝', '娃'],
  ['电动车', '电瓶车', '电驴'],
];
const CANON = new Map(SYNONYMS.flatMap((group) => group.map((w) => [w, group[0] as string])));

const HAN_RUN = /\p{Script=Han}+/gu;
const SKIP = /^[\s\p{P}\p{S}\d]+$/u;

/**
 * The search terms of a text: content words (synonyms folded) and the character bigrams of every Chinese run
 * (jieba splits residents' wording inconsistently: 幸福 里二区, 网格 员), stop words left out.
 */
export function termsOf(text: string): string[] {
  const normalized = normalizeText(text.replace(/@\S+/g, ' '));
  const terms: string[] = [];
  for (const word of segment(normalized)) {
    if (!SKIP.test(word) && !STOP.has(word)) {
      terms.push(`w:${CANON.get(word) ?? word}`);
    }
  }
  for (const run of normalized.match(HAN_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const bigram = `${chars[i]}${chars[i + 1]}`;
      if (!STOP.has(bigram)) {
        terms.push(`b:${bigram}`);
      }
    }
  }
  return terms;
}

export type SearchIndex = {
  search(query: string, limit?: number): SearchHit[];
};

export function createSearchIndex(docs: readonly SearchDoc[]): SearchIndex {
  const tf = docs.map((doc) => {
    const counts = new Map<string, number>();
    for (const field of doc.fields) {
      for (const term of termsOf(field.text)) {
        counts.set(term, (counts.get(term) ?? 0) + field.weight);
      }
    }
    return counts;
  });
  const lengths = tf.map((counts) => [...counts.values()].reduce((a, b) => a + b, 0));
  const avgLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, docs.length);
  const df = new Map<string, number>();
  for (const counts of tf) {
    for (const term of counts.keys()) {
      df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  const n = docs.length;
  const idf = (term: string) => {
    const d = df.get(term) ?? 0;
    return Math.log(1 + (n - d + 0.5) / (d + 0.5));
  };
  // a term no document has weighs as much as the rarest known term: it is what the question is about
  const unseenIdf = idf('\u0000');

  return {
    search(query, limit = 3) {
      const terms = [...new Set(termsOf(query))];
      const weights = terms.map((t) => (df.has(t) ? idf(t) : unseenIdf));
      const total = weights.reduce((a, b) => a + b, 0);
      const hits: SearchHit[] = [];
      tf.forEach((counts, i) => {
        let score = 0;
        let covered = 0;
        terms.forEach((term, j) => {
          const f = counts.get(term);
          if (!f) {
            return;
          }
          const w = weights[j] ?? 0;
          covered += w;
          score += (w * (f * (K1 + 1))) / (f + K1 * (1 - B + (B * (lengths[i] ?? 0)) / avgLength));
        });
        const doc = docs[i];
        if (score > 0 && doc) {
          hits.push({ id: doc.id, score, coverage: total > 0 ? covered / total : 0 });
        }
      });
      return hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
    },
  };
}
