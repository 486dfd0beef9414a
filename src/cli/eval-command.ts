import { appendFileSync, writeFileSync } from 'node:fs';
import { crossValidate, leaveOneWriterOut, trainAndScore } from '../classify/eval/kfold.js';
import { defaultJobs, leaveOneWriterOutInParallel } from '../classify/eval/lowo-parallel.js';
import { computeMetrics, type ScoredMessage } from '../classify/eval/metrics.js';
import { formatReliability, formatReport } from '../classify/eval/report.js';
import { readCorpus, readLabelledMessages } from '../classify/local/training-data.js';
import { loadDirectory } from '../directory/load-directory.js';

export type EvalIo = { stdout: (line: string) => void; stderr: (line: string) => void };

const USAGE = [
  'usage: shaozi eval [--kfold K] [--exclude PREFIX]… [--directory FILE] [--jobs N] [--errors] [--dump FILE] [FILE…]',
  '  (no FILE)     leave-one-writer-out over datasets/: each writer scored by a model trained on the others',
  '  --kfold K     k-fold cross-validation over datasets/ instead',
  "  FILE…         first sight: train on datasets/ (less FILE's texts and --exclude sources), score each FILE",
  '  --exclude P   leave out of training every writer whose name starts with P (e.g. corpus-3/)',
  '  --jobs N      leave-one-writer-out on N threads (default: one per core, at most 4)',
  '  --errors      also list every misclassified message',
  '  --dump FILE   also write every scored message (gold and prediction) to FILE as JSON lines',
];

type EvalArgs = {
  kfold?: number;
  files: string[];
  exclude: string[];
  directory?: string;
  errors: boolean;
  jobs: number;
  dump?: string;
};

function parseArgs(args: readonly string[]): EvalArgs | string {
  const out: EvalArgs = { files: [], exclude: [], errors: false, jobs: defaultJobs() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = () => args[++i] ?? '';
    if (arg === '--kfold') {
      const k = Number(value());
      if (!Number.isInteger(k) || k < 2) {
        return '--kfold needs an integer ≥ 2';
      }
      out.kfold = k;
    } else if (arg === '--jobs') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) {
        return '--jobs needs an integer ≥ 1';
      }
      out.jobs = n;
    } else if (arg === '--exclude') {
      out.exclude.push(value());
    } else if (arg === '--directory') {
      out.directory = value();
    } else if (arg === '--dump') {
      out.dump = value();
      if (!out.dump) {
        return '--dump needs a file';
      }
    } else if (arg === '--errors') {
      out.errors = true;
    } else if (arg.startsWith('-')) {
      return `unknown option ${arg}`;
    } else {
      out.files.push(arg);
    }
  }
  return out;
}

/** Writers the project wrote itself, whose wording the early rules were fitted to: reported apart. */
const INTERNAL = new Set(['dev', 'project-holdouts']);

/** `shaozi eval`: leave-one-writer-out (default), k-fold, or first sight on new files. */
export async function runEvalCommand(args: string[], io: EvalIo): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(parsed);
    for (const line of USAGE) {
      io.stderr(line);
    }
    return 2;
  }
  try {
    const directory = loadDirectory(parsed.directory);
    const corpus = readCorpus().filter((m) => !parsed.exclude.some((p) => m.source.startsWith(p)));
    const dump = parsed.dump ? openDump(parsed.dump) : undefined;
    if (parsed.files.length > 0) {
      for (const file of parsed.files) {
        const test = readLabelledMessages(file);
        const texts = new Set(test.map((m) => m.text));
        const scored = trainAndScore(
          corpus.filter((m) => !texts.has(m.text)),
          test,
          directory,
        );
        dump?.(file, scored);
        print(
          io,
          `first sight ${file} (trained on ${corpus.length - texts.size}± messages of datasets/)`,
          scored,
          parsed.errors,
        );
      }
      return 0;
    }
    if (parsed.kfold !== undefined) {
      const scored = crossValidate(corpus, parsed.kfold, directory);
      dump?.(`${parsed.kfold}-fold`, scored);
      print(io, `${parsed.kfold}-fold cross-validation on datasets/`, scored, parsed.errors);
      return 0;
    }
    const all: ScoredMessage[] = [];
    const external: ScoredMessage[] = [];
    io.stdout(`leave-one-writer-out over datasets/ (${corpus.length} messages)`);
    io.stdout(`  ${'writer'.padEnd(34)} msgs  intent  categ   body   urg  emRec emR+ck emPrec checks`);
    const onWriter = (writer: string, scored: ScoredMessage[]) => {
      dump?.(writer, scored);
      all.push(...scored);
      if (!INTERNAL.has(writer)) {
        external.push(...scored);
      }
      const m = computeMetrics(scored);
      const p = (x: number) => `${(x * 100).toFixed(1)}`.padStart(6);
      io.stdout(
        `  ${writer.padEnd(34)}${String(m.messages).padStart(5)} ${p(m.intentAccuracy)} ${p(m.categoryAccuracy)} ${p(m.bodyAccuracy)} ${p(m.urgencyAccuracy)} ${p(m.emergencyRecall)} ${p(m.emergencyRecallWithChecks)} ${p(m.emergencyPrecision)} ${p(m.checkShare)}`,
      );
    };
    if (parsed.jobs === 1) {
      leaveOneWriterOut(corpus, directory, undefined, onWriter);
    } else {
      const sizes = new Map<string, number>();
      for (const m of corpus) {
        sizes.set(m.source, (sizes.get(m.source) ?? 0) + 1);
      }
      await leaveOneWriterOutInParallel(
        { writers: [...sizes.keys()], sizes, exclude: parsed.exclude, directoryFile: parsed.directory },
        parsed.jobs,
        onWriter,
      );
    }
    print(
      io,
      'leave-one-writer-out, writers from outside the project (corpus-2, corpus-3, …)',
      external,
      parsed.errors,
    );
    print(io, 'leave-one-writer-out, every writer', all, false);
    return 0;
  } catch (error) {
    io.stderr(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

/** A writer of scored messages as JSON lines (`--dump`), one line per message with the set it came from. */
function openDump(file: string): (set: string, scored: readonly ScoredMessage[]) => void {
  writeFileSync(file, '');
  return (set, scored) =>
    appendFileSync(file, scored.map((m) => `${JSON.stringify({ set, ...m })}\n`).join(''));
}

function print(io: EvalIo, title: string, scored: ScoredMessage[], errors: boolean): void {
  for (const line of [...formatReport(title, computeMetrics(scored)), ...formatReliability(scored)]) {
    io.stdout(line);
  }
  if (!errors) {
    return;
  }
  io.stdout('  misclassified (gold | predicted | conf | text):');
  for (const { gold, predicted } of scored) {
    const g = `${gold.intent}/${gold.category}/${gold.body}/${gold.urgency}`;
    const p = `${predicted.intent}${predicted.emergency_check ? '(check)' : ''}/${predicted.category}/${predicted.body}/${predicted.urgency}`;
    if (g !== p) {
      io.stdout(
        `    ${gold.id} ${g} | ${p} | ${predicted.confidence} | ${gold.text.slice(0, 60).replace(/\n/g, ' ')}`,
      );
    }
  }
}
