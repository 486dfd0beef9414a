// Where the cascade's threshold should sit, measured leave-one-writer-out over datasets/ (each writer read
// by a model trained on all the others): for each threshold, the share of messages, of chatter and of
// ticket-worthy messages the LLM would be asked about (before the budget), the local errors it would be
// asked about, and the emergencies the local model neither calls emergencies nor checks that still get
// its second opinion. `npx tsx scripts/llm-thresholds.ts` (as long as `npm run eval`).
import { decisiveConfidence, shouldAskLlm } from '../src/classify/cascade-policy.js';
import { leaveOneWriterOut } from '../src/classify/eval/kfold.js';
import type { ScoredMessage } from '../src/classify/eval/metrics.js';
import { readCorpus } from '../src/classify/local/training-data.js';
import { loadDirectory } from '../src/directory/load-directory.js';
import type { Classification } from '../src/labels/classification.js';
import { isActionable } from '../src/labels/labels.js';

const THRESHOLDS = [0.5, 0.6, 0.65, 0.7, 0.75, 0.8];
const print = (line: string) => process.stdout.write(`${line}\n`);
const share = (n: number, d: number) => (n / Math.max(d, 1)).toFixed(3);

const scored = [...leaveOneWriterOut(readCorpus(), loadDirectory()).values()].flat();

/** The local reading is wrong in what an LLM answer could change: a missed request, a wrong intent or category. */
const wrongInWhatMatters = ({ gold, predicted }: ScoredMessage) =>
  isActionable(predicted.intent)
    ? gold.intent !== predicted.intent || gold.category !== predicted.category
    : isActionable(gold.intent);
/** Chatter and feedback judged by P(their own intent), as the cascade did before `decisiveConfidence`. */
const asBefore = (c: Classification): Classification =>
  isActionable(c.intent) ? c : { ...c, probabilities: {} };

const chatter = scored.filter((s) => s.gold.intent === 'chatter');
const ticketWorthy = scored.filter((s) => s.gold.intent === 'grievance' || s.gold.intent === 'emergency');
const decided = scored.filter((s) => !s.predicted.emergency_check && s.predicted.intent !== 'emergency');
const errors = decided.filter(wrongInWhatMatters);
const unflagged = scored.filter(
  (s) => s.gold.intent === 'emergency' && s.predicted.intent !== 'emergency' && !s.predicted.emergency_check,
);

print(`leave-one-writer-out over ${scored.length} messages: LLM asks before the budget`);
print(
  `  emergency checks (always asked): ${share(scored.filter((s) => s.predicted.emergency_check).length, scored.length)} of messages, ${share(chatter.filter((s) => s.predicted.emergency_check).length, chatter.length)} of chatter`,
);
print('  rule                       per msg  chatter  ticket-worthy  local errors asked (precision)  unflagged emergencies asked');
const row = (name: string, asks: (s: ScoredMessage) => boolean) => {
  const count = (list: readonly ScoredMessage[]) => list.filter(asks).length;
  const askedDecided = decided.filter(asks);
  print(
    `  ${name.padEnd(26)} ${share(count(scored), scored.length)}    ${share(count(chatter), chatter.length)}    ${share(count(ticketWorthy), ticketWorthy.length)}          ${count(errors)}/${errors.length} (${share(askedDecided.filter(wrongInWhatMatters).length, askedDecided.length)})                 ${count(unflagged)}/${unflagged.length}`,
  );
};
row('before, threshold 0.75', (s) =>
  shouldAskLlm(asBefore(s.predicted), { mode: 'unsure', threshold: 0.75 }),
);
for (const threshold of THRESHOLDS) {
  row(`P(what matters) < ${threshold}`, (s) => shouldAskLlm(s.predicted, { mode: 'unsure', threshold }));
}
const unsureChatter = chatter.filter((s) => decisiveConfidence(s.predicted) < 0.7 && !s.predicted.emergency_check);
print(
  `  chatter unsure at 0.7 by reading: ${unsureChatter.filter((s) => isActionable(s.predicted.intent)).length} read as requests, ${unsureChatter.filter((s) => !isActionable(s.predicted.intent)).length} as chatter or feedback`,
);
