import { relative } from 'node:path';
import { pino } from 'pino';
import { createCascadeClassifier } from '../src/classify/cascade-classifier.js';
import { type CascadePolicy, DEFAULT_CASCADE_POLICY } from '../src/classify/cascade-policy.js';
import type { Classifier } from '../src/classify/classifier.js';
import { trainHeldOutModel } from '../src/classify/eval/kfold.js';
import { loadClassifyPrompt } from '../src/classify/llm/classify-prompt.js';
import type { LlmReply } from '../src/classify/llm/llm-reply.js';
import { renderUserMessage } from '../src/classify/llm/render-user-message.js';
import { createLocalClassifier, type LocalClassifier } from '../src/classify/local/local-classifier.js';
import {
  corpusFiles,
  DATASETS_DIR,
  type LabelledMessage,
  readCorpus,
  readLabelledMessages,
  writerOf,
} from '../src/classify/local/training-data.js';
import { seededOrder } from '../src/classify/model/folds.js';
import type { LlmSettings } from '../src/config.js';
import { loadDirectory } from '../src/directory/load-directory.js';
import type { Classification } from '../src/labels/classification.js';
import { isActionable } from '../src/labels/labels.js';
import { type CachedRemoteClassifier, withLlmCache } from '../src/llm/cached-classifier.js';
import { createOpenAIClassifier } from '../src/llm/openai-classifier.js';
import { completion, startFakeOpenAIServer } from '../tests/helpers/fake-openai-server.js';

// A realistic group stream, about half chatter: the four corpus-2 writers (shared/data: elders, young
// renters, busy-group life, danger and its near misses) and the five labelled busy group days of corpus-5,
// every line as written (repeats included), in a seeded shuffle. The writers are split in two folds, and
// each fold is read by a local model trained on everything but that fold, so the local confidences are
// those of wording the model never saw (two trainings instead of one per writer, for the time).
const SEED = 20261206;
const STREAM_CORPORA = ['corpus-2/', 'corpus-5/'] as const;
const FOLDS = 2;
const print = (line: string) => process.stdout.write(`${line}\n`);
const pct = (n: number, d: number) => `${((n / Math.max(d, 1)) * 100).toFixed(1)}%`;
const per = (n: number, d: number) => (n / Math.max(d, 1)).toFixed(3);
const same = (text: string) => text.replace(/\s+/g, ' ').trim();
/** The same message posted again, mentioning the bot and with stray spaces: the cache must see through it. */
const repost = (text: string) => `@社区哨子\u2005${text.replace(/，/g, '， ')}  `;

type StreamMessage = LabelledMessage & { writer: string };

const directory = loadDirectory();
const stream: StreamMessage[] = corpusFiles()
  .map((file) => ({ file, writer: writerOf(relative(DATASETS_DIR, file)) }))
  .filter(({ writer }) => STREAM_CORPORA.some((c) => writer.startsWith(c)))
  .flatMap(({ file, writer }) => readLabelledMessages(file).map((m) => ({ ...m, writer })));
const order = seededOrder(stream.length, SEED).map((i) => stream[i] as StreamMessage);

const writers = [...new Set(stream.map((m) => m.writer))].sort();
const foldOf = new Map(writers.map((w, i) => [w, i % FOLDS]));
const training = readCorpus();
const readers: LocalClassifier[] = [];
for (let fold = 0; fold < FOLDS; fold++) {
  const unseen = new Set(stream.filter((m) => foldOf.get(m.writer) === fold).map((m) => same(m.text)));
  const model = trainHeldOutModel(
    training.filter((m) => foldOf.get(m.source) !== fold && !unseen.has(same(m.text))),
    directory,
  );
  readers.push(createLocalClassifier(directory, { model }));
}
const readerOf = new Map(
  stream.flatMap((m) => {
    const reader = readers[foldOf.get(m.writer) ?? 0] as LocalClassifier;
    return [
      [m.text, reader],
      [repost(m.text), reader],
    ] as const;
  }),
);
const local: Classifier = {
  classify: async (input) => (readerOf.get(input.text) as LocalClassifier).classifySync(input),
};

// The fake LLM answers with the gold labels (an oracle): what it costs is counted, and the emergency figures
// show what the cascade can at best make of its answers within the merge's bounds.
const goldOf = new Map(
  stream.flatMap((m) => [
    [renderUserMessage({ text: m.text }), m],
    [renderUserMessage({ text: repost(m.text) }), m],
  ]),
);
const oracleReply = (gold: LabelledMessage): LlmReply => ({
  intent: gold.intent,
  category: gold.category,
  body: gold.body,
  urgency: gold.urgency,
  location: gold.location,
  compound: null,
  confidence: 0.9,
  reason: '标注',
});

const server = await startFakeOpenAIServer();
server.route = (body) => {
  const gold = goldOf.get(body.messages[body.messages.length - 1]?.content ?? '');
  return gold ? completion(oracleReply(gold)) : undefined;
};

const settings: LlmSettings = {
  baseURL: server.baseURL,
  apiKey: 'sk-bench',
  model: 'bench-model',
  responseFormat: 'json_schema',
  timeoutMs: 5_000,
  maxRetries: 0,
  policy: { ...DEFAULT_CASCADE_POLICY, messageBudgetMs: 8_000, checkBudgetMs: 5_000 },
  cache: { maxEntries: 2_000, ttlMs: 6 * 3_600_000 },
};

type Run = { name: string; policy: CascadePolicy; cache: boolean; local: Classifier };
const RUNS: Run[] = [
  {
    name: 'before (chatter sure at P(chatter) ≥ 0.75, no cache)',
    policy: { ...settings.policy, threshold: 0.75 },
    cache: false,
    local: asBefore(local),
  },
  {
    name: `now (sure at P(no request) or request confidence ≥ ${settings.policy.threshold}, cache)`,
    policy: settings.policy,
    cache: true,
    local,
  },
];

const prompt = loadClassifyPrompt('prompts', directory);
const counts = (pred: (m: StreamMessage) => boolean) => order.filter(pred).length;
const chatter = counts((m) => m.intent === 'chatter');
const ticketWorthy = (m: StreamMessage) => m.intent === 'grievance' || m.intent === 'emergency';
print(
  `LLM calls on a realistic group stream: ${order.length} messages of ${STREAM_CORPORA.join(', ')} (seed ${SEED})`,
);
print(
  `  ${pct(chatter, order.length)} chatter, ${pct(counts(ticketWorthy), order.length)} ticket-worthy (grievance or emergency), ${counts((m) => m.intent === 'emergency')} emergencies; each fold of writers read by a model trained without it; LLM_BUDGET ${settings.policy.budget}`,
);
for (const run of RUNS) {
  await measure(run);
}
await server.close();

async function measure(run: Run): Promise<void> {
  const opened = server.requests.length;
  const openai = createOpenAIClassifier(settings, prompt, { breaker: { failureThreshold: 1_000 } });
  const remote = run.cache ? withLlmCache(openai, settings.cache) : openai;
  const cascade = createCascadeClassifier({
    local: run.local,
    remote,
    policy: run.policy,
    logger: pino({ level: 'silent' }),
  });
  const calls = new Map<StreamMessage, number>();
  const results = new Map<StreamMessage, Classification>();
  const locals = new Map<StreamMessage, Classification>();
  for (const message of order) {
    locals.set(message, await local.classify({ text: message.text }));
    const before = server.requests.length;
    results.set(message, await cascade.classify({ text: message.text }));
    calls.set(message, server.requests.length - before);
  }
  const sum = (pred: (m: StreamMessage) => boolean) =>
    order.filter(pred).reduce((n, m) => n + (calls.get(m) ?? 0), 0);
  const emergencies = order.filter((m) => m.intent === 'emergency');
  const caught = emergencies.filter((m) => {
    const c = results.get(m);
    return c?.intent === 'emergency' || c?.emergency_check === true;
  }).length;
  const hits = run.cache ? (remote as CachedRemoteClassifier).stats().hits : 0;
  const chatterCalls = (pred: (c: Classification) => boolean) =>
    sum((m) => m.intent === 'chatter' && pred(locals.get(m) as Classification));
  print(`  ${run.name}:`);
  print(
    `    LLM calls ${server.requests.length - opened}: ${per(
      sum(() => true),
      order.length,
    )} per group message, ${per(
      sum((m) => m.intent === 'chatter'),
      chatter,
    )} per chatter message, ${per(sum(ticketWorthy), counts(ticketWorthy))} per ticket-worthy message`,
  );
  print(
    `    chatter calls by the local reading: ${chatterCalls((c) => c.emergency_check)} emergency checks, ${chatterCalls((c) => !c.emergency_check && isActionable(c.intent))} read as requests, ${chatterCalls((c) => !isActionable(c.intent))} read as chatter or feedback`,
  );
  print(
    `    cache hits ${hits}; emergencies read as emergency or check after the cascade: ${caught}/${emergencies.length}`,
  );
  if (run.cache) {
    // not a realistic stream: every message posted once more in the same group, within the cache's time
    const again = server.requests.length;
    for (const message of order) {
      await cascade.classify({ text: repost(message.text) });
    }
    const { hits: total } = (remote as CachedRemoteClassifier).stats();
    print(
      `    the same ${order.length} messages posted again (with an @mention and spaces): ${server.requests.length - again} LLM calls, ${total - hits} cache hits`,
    );
  }
}

/**
 * The cascade as it was: chatter and feedback judged by the `confidence` of their own intent (P(chatter)),
 * which is what `decisiveConfidence` falls back to for a reading without probabilities.
 */
function asBefore(reader: Classifier): Classifier {
  return {
    classify: async (input) => {
      const c = await reader.classify(input);
      return isActionable(c.intent) ? c : { ...c, probabilities: {} };
    },
  };
}
