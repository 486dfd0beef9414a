/**
 * Agreement of the second, blind labeller with the first labels on each double-labelled sample
 * (datasets/double-labelled/sample-N-second-labels.jsonl): the ceiling a classifier can be held to.
 *   npx tsx scripts/agreement.ts
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  corpusFiles,
  DATASETS_DIR,
  type LabelledMessage,
  LabelledMessageSchema,
  readLabelledMessages,
} from '../src/classify/local/training-data.js';
import { isActionable } from '../src/labels/labels.js';

const DIR = join(DATASETS_DIR, 'double-labelled');
const first = new Map<string, LabelledMessage>();
for (const file of corpusFiles()) {
  for (const m of readLabelledMessages(file)) {
    first.set(m.id, m);
  }
}
const pct = (n: number, d: number) => `${((n / Math.max(d, 1)) * 100).toFixed(1)} %`;

/** Cohen's kappa of two label lists. */
function kappa(a: readonly string[], b: readonly string[]): number {
  const n = a.length;
  const observed = a.filter((x, i) => x === b[i]).length / n;
  const labels = new Set([...a, ...b]);
  let expected = 0;
  for (const l of labels) {
    expected += (a.filter((x) => x === l).length / n) * (b.filter((x) => x === l).length / n);
  }
  return (observed - expected) / (1 - expected);
}

const samples = readdirSync(DIR)
  .filter((f) => f.endsWith('-second-labels.jsonl'))
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
process.stdout.write('| sample | n | intent | category (actionable) | body (actionable) | urgency | location |\n');
for (const file of samples) {
  // the second labels carry no text (the labeller saw the texts file): read them with their sample's texts
  const texts = readFileSync(join(DIR, file.replace('-second-labels', '-texts')), 'utf8');
  const textOf = new Map(
    texts
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; text: string })
      .map((t) => [t.id, t.text]),
  );
  const second = readFileSync(join(DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const raw = JSON.parse(l) as { id: string };
      return LabelledMessageSchema.parse({ ...raw, text: textOf.get(raw.id) ?? '' });
    });
  const pairs = second.flatMap((s) => {
    const f = first.get(s.id);
    return f ? [[f, s] as const] : [];
  });
  const actionable = pairs.filter(([f, s]) => isActionable(f.intent) && isActionable(s.intent));
  const same = (key: 'intent' | 'category' | 'body' | 'urgency', list = pairs) =>
    list.filter(([f, s]) => f[key] === s[key]).length;
  const location = pairs.filter(([f, s]) => JSON.stringify(f.location) === JSON.stringify(s.location)).length;
  const k = kappa(
    pairs.map(([f]) => f.intent),
    pairs.map(([, s]) => s.intent),
  );
  const missing = second.length - pairs.length;
  process.stdout.write(
    `| ${file.replace('-second-labels.jsonl', '')} | ${pairs.length}${missing ? ` (${missing} not found)` : ''} | ` +
      `${pct(same('intent'), pairs.length)} (κ ${k.toFixed(2)}) | ${pct(same('category', actionable), actionable.length)} | ` +
      `${pct(same('body', actionable), actionable.length)} | ${pct(same('urgency'), pairs.length)} | ${pct(location, pairs.length)} |\n`,
  );
}
if (!existsSync(DIR)) {
  process.exitCode = 1;
}
