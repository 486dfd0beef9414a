import { performance } from 'node:perf_hooks';
import { DEFAULT_CASCADE_POLICY, shouldAskLlm } from '../src/classify/cascade-policy.js';
import { trainAndScore } from '../src/classify/eval/kfold.js';
import { createLlmBudget } from '../src/classify/llm-budget.js';
import { createLocalClassifier } from '../src/classify/local/local-classifier.js';
import {
  DEFAULT_TRAINING_FILE,
  readCorpus,
  readLabelledMessages,
} from '../src/classify/local/training-data.js';
import { seededOrder } from '../src/classify/model/folds.js';
import { loadDirectory } from '../src/directory/load-directory.js';

const PASSES = Number(process.argv[2] ?? 20);
const print = (line: string) => process.stdout.write(`${line}\n`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const startup = performance.now();
const classifier = createLocalClassifier(loadDirectory());
const stream = readLabelledMessages(DEFAULT_TRAINING_FILE).map((m) => ({ text: m.text }));
classifier.classifySync({ text: '预热' });
const startupMs = performance.now() - startup;

for (const input of stream) {
  classifier.classifySync(input);
}

const started = performance.now();
for (let pass = 0; pass < PASSES; pass++) {
  for (const input of stream) {
    classifier.classifySync(input);
  }
}
const elapsed = performance.now() - started;
const total = PASSES * stream.length;
const memory = process.memoryUsage();

print(`local classifier over the dev stream: ${stream.length} messages × ${PASSES} passes`);
print(`  startup (directory + model file + jieba): ${startupMs.toFixed(0)} ms`);
print(
  `  throughput: ${Math.round((total / elapsed) * 1000)} classifications/s (${(elapsed / total).toFixed(3)} ms each)`,
);
print(`  memory: rss ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)} of ${mb(memory.heapTotal)}`);

// The LLM budget on a realistic stream the model has not learned from: the busy-group writers' messages
// (chatter, me-too replies, notices, inquiries, relayed reports), scored by a model trained on every other
// writer, in a seeded shuffle.
const GROUP_WRITERS = new Set([
  'corpus-2/w3-group-life',
  'corpus-3/c3-group-inquiries',
  'corpus-4/c4-group-roles',
]);
const corpus = readCorpus();
const held = corpus.filter((m) => GROUP_WRITERS.has(m.source));
const inOrder = trainAndScore(
  corpus.filter((m) => !GROUP_WRITERS.has(m.source)),
  held,
  loadDirectory(),
);
const scored = seededOrder(inOrder.length, 20261205).map((i) => inOrder[i] as (typeof inOrder)[number]);
const budget = createLlmBudget(DEFAULT_CASCADE_POLICY);
const decisions = scored.map((s) => ({ s, decision: budget.decide(s.predicted) }));
const share = (n: number) => `${((n / scored.length) * 100).toFixed(1)}%`;
const unsure = scored.filter((s) => shouldAskLlm(s.predicted, DEFAULT_CASCADE_POLICY)).length;
const asked = decisions.filter((d) => d.decision === 'ask');
const kept = decisions.filter((d) => d.decision !== 'ask');
const right = kept.filter((d) => d.s.gold.intent === d.s.predicted.intent).length;
const askedWrong = asked.filter((d) => d.s.gold.intent !== d.s.predicted.intent).length;
const wrong = scored.filter((s) => s.gold.intent !== s.predicted.intent).length;
print(
  `LLM budget on a realistic group stream: ${scored.length} messages of ${[...GROUP_WRITERS].join(', ')}`,
);
print(
  `  (model trained on every other writer; LLM_BUDGET ${DEFAULT_CASCADE_POLICY.budget}, threshold ${DEFAULT_CASCADE_POLICY.threshold})`,
);
print(
  `  unsure before the budget: ${share(unsure)}; emergency checks: ${share(scored.filter((s) => s.predicted.emergency_check).length)}`,
);
print(`  budget share (messages sent to the LLM): ${share(asked.length)}`);
print(
  `  local intent errors the LLM is asked about: ${askedWrong} of ${wrong}; intent right when kept local: ${((right / kept.length) * 100).toFixed(1)}%`,
);
