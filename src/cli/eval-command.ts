import { crossValidate, trainAndScore } from '../classify/eval/kfold.js';
import { computeMetrics, type ScoredMessage } from '../classify/eval/metrics.js';
import { formatReport } from '../classify/eval/report.js';
import { DEFAULT_TRAINING_FILE, readLabelledMessages } from '../classify/local/training-data.js';
import { loadDirectory } from '../directory/load-directory.js';

export type EvalIo = { stdout: (line: string) => void; stderr: (line: string) => void };

const USAGE = [
  'usage: shaozi eval [--kfold K] [--directory FILE] [--train FILE] [--errors] [HELDOUT.jsonl]',
  '  --kfold K     cross-validate on the training file (default datasets/dev-messages.jsonl)',
  '  HELDOUT       train on the whole training file, score on HELDOUT (same JSONL format)',
  '  --errors      also list every misclassified message',
];

type EvalArgs = { kfold?: number; heldOut?: string; train: string; directory?: string; errors: boolean };

function parseArgs(args: readonly string[]): EvalArgs | string {
  const out: EvalArgs = { train: DEFAULT_TRAINING_FILE, errors: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = () => args[++i];
    if (arg === '--kfold') {
      const k = Number(value());
      if (!Number.isInteger(k) || k < 2) {
        return '--kfold needs an integer ≥ 2';
      }
      out.kfold = k;
    } else if (arg === '--train') {
      out.train = value() ?? '';
    } else if (arg === '--directory') {
      out.directory = value();
    } else if (arg === '--errors') {
      out.errors = true;
    } else if (arg.startsWith('-')) {
      return `unknown option ${arg}`;
    } else {
      out.heldOut = arg;
    }
  }
  if (out.kfold === undefined && out.heldOut === undefined) {
    out.kfold = 5;
  }
  return out;
}

/** `shaozi eval`: k-fold on the dev set or train-on-dev, score-on-FILE; prints metrics and the worst confusions. */
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
    const training = readLabelledMessages(parsed.train);
    if (parsed.kfold !== undefined) {
      const scored = crossValidate(training, parsed.kfold, directory);
      print(io, `${parsed.kfold}-fold cross-validation on ${parsed.train}`, scored, parsed.errors);
    }
    if (parsed.heldOut !== undefined) {
      const scored = trainAndScore(training, readLabelledMessages(parsed.heldOut), directory);
      print(io, `held-out ${parsed.heldOut} (model trained on ${parsed.train})`, scored, parsed.errors);
    }
    return 0;
  } catch (error) {
    io.stderr(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

function print(io: EvalIo, title: string, scored: ScoredMessage[], errors: boolean): void {
  for (const line of formatReport(title, computeMetrics(scored))) {
    io.stdout(line);
  }
  if (!errors) {
    return;
  }
  io.stdout('  misclassified (gold | predicted | conf | text):');
  for (const { gold, predicted } of scored) {
    const g = `${gold.intent}/${gold.category}/${gold.body}/${gold.urgency}`;
    const p = `${predicted.intent}/${predicted.category}/${predicted.body}/${predicted.urgency}`;
    if (g !== p) {
      io.stdout(`    ${gold.id} ${g} | ${p} | ${predicted.confidence} | ${gold.text.slice(0, 50)}`);
    }
  }
}
