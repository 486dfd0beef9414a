import { performance } from 'node:perf_hooks';
import { DEFAULT_CASCADE_POLICY, shouldAskLlm } from '../src/classify/cascade-policy.js';
import { createLocalClassifier } from '../src/classify/local/local-classifier.js';
import { DEFAULT_TRAINING_FILE, readLabelledMessages } from '../src/classify/local/training-data.js';
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

let asked = 0;
const started = performance.now();
for (let pass = 0; pass < PASSES; pass++) {
  for (const input of stream) {
    const result = classifier.classifySync(input);
    if (pass === 0 && shouldAskLlm(result, DEFAULT_CASCADE_POLICY)) {
      asked += 1;
    }
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
print(
  `  cascade LLM-call share on the dev stream, which is training data now (unsure, threshold ${DEFAULT_CASCADE_POLICY.threshold}): ${((asked / stream.length) * 100).toFixed(1)}%`,
);
