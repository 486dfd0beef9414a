/**
 * Scores the body again on a dump of held-out predictions (`shaozi eval --dump FILE`), with today's place
 * reading and body table but the dump's category and learned body suggestion: a change to the routing
 * side is measured on predictions of models that never saw the messages, without training again.
 *
 *   npx tsx scripts/rescore-body.ts scratch/lowo-dump.jsonl [--internal]
 */
import { readFileSync } from 'node:fs';
import type { LabelledMessage } from '../src/classify/local/training-data.js';
import { rereadBody } from '../src/classify/local/local-classifier.js';
import { loadDirectory } from '../src/directory/load-directory.js';
import { type Intent, isActionable } from '../src/labels/labels.js';
import type { Classification } from '../src/labels/classification.js';

type Row = { set: string; gold: LabelledMessage; predicted: Classification };

const [file, ...flags] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx scripts/rescore-body.ts DUMP.jsonl [--internal]');
  process.exit(2);
}
const INTERNAL = new Set(['dev', 'project-holdouts']);
const directory = loadDirectory();
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Row)
  .filter((r) => flags.includes('--internal') || !INTERNAL.has(r.set))
  .filter((r) => isActionable(r.gold.intent as Intent));

const now = (r: Row): string => rereadBody(directory, r.gold.text, r.predicted);

const perSet = new Map<string, { n: number; before: number; after: number }>();
const changes = new Map<string, number>();
const examples: string[] = [];
for (const r of rows) {
  const after = now(r);
  const s = perSet.get(r.set) ?? { n: 0, before: 0, after: 0 };
  s.n++;
  s.before += r.predicted.body === r.gold.body ? 1 : 0;
  s.after += after === r.gold.body ? 1 : 0;
  perSet.set(r.set, s);
  if (after !== r.predicted.body) {
    const verdict =
      after === r.gold.body ? 'helped' : r.predicted.body === r.gold.body ? 'hurt' : 'wrong either way';
    const key = `${verdict}: ${r.predicted.category} ${r.predicted.body} → ${after} (gold ${r.gold.body})`;
    changes.set(key, (changes.get(key) ?? 0) + 1);
    if (verdict !== 'wrong either way' && examples.length < 60) {
      examples.push(`  ${verdict.padEnd(6)} ${r.gold.id} ${r.predicted.body}→${after} gold ${r.gold.body}: ${r.gold.text.slice(0, 50)}`);
    }
  }
}
const pct = (a: number, n: number) => `${((100 * a) / Math.max(1, n)).toFixed(1)}%`.padStart(7);
let n = 0;
let before = 0;
let after = 0;
for (const [set, s] of [...perSet].sort()) {
  n += s.n;
  before += s.before;
  after += s.after;
  console.log(`${set.padEnd(36)} ${String(s.n).padStart(5)} ${pct(s.before, s.n)} → ${pct(s.after, s.n)}`);
}
console.log(`${'pooled (requests)'.padEnd(36)} ${String(n).padStart(5)} ${pct(before, n)} → ${pct(after, n)}`);
for (const [key, count] of [...changes].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${String(count).padStart(4)}  ${key}`);
}
for (const line of examples) {
  console.log(line);
}
