/**
 * Scores the all-clear model (src/classify/local/all-clear.ts: whether a line in an open emergency's thread
 * calls it off) on emergency threads labelled line by line: precision and recall over every line, over the
 * lines of those who may call an emergency off (reporter and staff, the only ones the bot acts on), by role,
 * and each miss.
 *   npx tsx scripts/score-all-clear.ts FILE…     first sight: trained on datasets/all-clear/ (less any file
 *                                                of the same name), scored on each FILE
 *   npx tsx scripts/score-all-clear.ts --lowo    leave-one-writer-out over datasets/all-clear/
 *   npx tsx scripts/score-all-clear.ts --shipped FILE…   the committed model
 */
import { basename } from 'node:path';
import {
  loadAllClearModel,
  shippedAllClearReader,
  trainAllClearModel,
  type AllClearReader,
} from '../src/classify/local/all-clear.js';
import { allClearFiles, readAllClearExamples, readThreadLines, type ThreadLine } from '../src/classify/local/all-clear-data.js';

const args = process.argv.slice(2);
const print = (s: string) => process.stdout.write(`${s}\n`);
const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)} %`);

function trainedWithout(file: string): { reader: AllClearReader; threshold: number; version: string } {
  const files = allClearFiles().filter((f) => basename(f) !== basename(file));
  const model = trainAllClearModel(readAllClearExamples(files));
  return { reader: loadAllClearModel(model), threshold: model.threshold, version: model.version };
}

function score(name: string, lines: readonly ThreadLine[], said: (l: ThreadLine) => boolean): [number, number, number] {
  const yes = lines.filter(said);
  const right = yes.filter((l) => l.all_clear).length;
  const gold = lines.filter((l) => l.all_clear).length;
  print(
    `  ${name.padEnd(20)} ${String(lines.length).padStart(4)} lines, ${String(gold).padStart(3)} all-clears: precision ${pct(right, yes.length)} (${right}/${yes.length}), recall ${pct(right, gold)} (${right}/${gold})`,
  );
  return [right, yes.length, gold];
}

function report(lines: readonly ThreadLine[], reader: AllClearReader): void {
  const said = (l: ThreadLine) => reader.isAllClear(l.text);
  score('every line', lines, said);
  score('reporter and staff', lines.filter((l) => l.role !== 'bystander'), said);
  for (const role of ['reporter', 'staff', 'bystander'] as const) {
    score(role, lines.filter((l) => l.role === role), said);
  }
  const misses = lines.filter((l) => said(l) !== l.all_clear);
  print(`  misses (${misses.length}):`);
  for (const l of misses) {
    const p = reader.probability(l.text).toFixed(2);
    print(`    ${l.all_clear ? 'missed' : 'false '} ${p} ${l.thread}#${l.seq} ${l.role.padEnd(9)} ${l.text.replaceAll('\n', ' ⏎ ')}`);
  }
}

if (args[0] === '--lowo') {
  const totals = [0, 0, 0];
  for (const file of allClearFiles()) {
    const { reader, threshold } = trainedWithout(file);
    const lines = readThreadLines(file);
    print(`${basename(file)} (model trained on the other writers, threshold ${threshold}):`);
    report(lines, reader);
    const [r, s, g] = [
      lines.filter((l) => l.role !== 'bystander' && l.all_clear && reader.isAllClear(l.text)).length,
      lines.filter((l) => l.role !== 'bystander' && reader.isAllClear(l.text)).length,
      lines.filter((l) => l.role !== 'bystander' && l.all_clear).length,
    ];
    totals[0] = (totals[0] ?? 0) + r;
    totals[1] = (totals[1] ?? 0) + s;
    totals[2] = (totals[2] ?? 0) + g;
  }
  print(
    `pooled, reporter and staff: precision ${pct(totals[0] ?? 0, totals[1] ?? 0)}, recall ${pct(totals[0] ?? 0, totals[2] ?? 0)}`,
  );
} else {
  const shipped = args[0] === '--shipped';
  const files = shipped ? args.slice(1) : args;
  if (files.length === 0) {
    print('usage: npx tsx scripts/score-all-clear.ts [--shipped] FILE… | --lowo');
    process.exit(2);
  }
  for (const file of files) {
    const trained = shipped ? undefined : trainedWithout(file);
    const reader = trained?.reader ?? shippedAllClearReader();
    print(`${file} (${trained ? `trained on datasets/all-clear/ without it, ${trained.version}, threshold ${trained.threshold}` : 'the shipped model'}):`);
    report(readThreadLines(file), reader);
  }
}
