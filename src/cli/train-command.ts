import { readFileSync, writeFileSync } from 'node:fs';
import { ALL_CLEAR_MODEL_FILE, trainAllClearModel } from '../classify/local/all-clear.js';
import { readAllClearExamples } from '../classify/local/all-clear-data.js';
import { MODEL_FILE, weightsFileOf } from '../classify/local/local-classifier.js';
import { modelFiles, trainLocalModel } from '../classify/local/trained-model.js';
import { readCorpus } from '../classify/local/training-data.js';
import { loadDirectory } from '../directory/load-directory.js';

export type TrainIo = { stdout: (line: string) => void; stderr: (line: string) => void };

/**
 * `shaozi train [--out FILE] [--check]`: trains the local model on every labelled message in datasets/ and
 * writes models/local-model.json and its weights file, and the all-clear model on datasets/all-clear/ into
 * models/all-clear-model.json (beside FILE with --out); with --check, trains both and compares them with the
 * committed files instead.
 */
export async function runTrainCommand(args: string[], io: TrainIo): Promise<number> {
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? (args[outIndex + 1] ?? MODEL_FILE) : MODEL_FILE;
  const started = Date.now();
  const corpus = readCorpus();
  const model = trainLocalModel(corpus, loadDirectory());
  const files = modelFiles(model);
  const weightsOut = weightsFileOf(out);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.stdout(
    `trained ${model.version} on ${model.data.messages} messages from ${Object.keys(model.data.sources).length} writers, ${model.features.length} features, in ${seconds} s`,
  );
  io.stdout(
    `emergency: sure ≥ ${model.emergency.sure}, check ≥ ${model.emergency.check} (out of fold: recall with checks ${model.outOfFold.emergencyRecallAtCheck}, checks ${model.outOfFold.checkShareOfOthers} of other messages, precision at sure ${model.outOfFold.precisionAtSure})`,
  );
  const allClear = trainAllClearModel(readAllClearExamples());
  const allClearOut = outIndex >= 0 ? out.replace(/[^/]*$/, 'all-clear-model.json') : ALL_CLEAR_MODEL_FILE;
  const allClearJson = `${JSON.stringify(allClear)}\n`;
  io.stdout(
    `trained ${allClear.version} on ${allClear.data.lines} thread lines from ${Object.keys(allClear.data.sources).length} writers: all-clear at P ≥ ${allClear.threshold} (out of fold: precision ${allClear.outOfFold.precision}, recall ${allClear.outOfFold.recall})`,
  );
  if (args.includes('--check')) {
    let committedAllClear: string;
    try {
      committedAllClear = readFileSync(allClearOut, 'utf8');
    } catch {
      io.stderr(`${allClearOut} is missing`);
      return 1;
    }
    if (committedAllClear !== allClearJson) {
      io.stderr(
        `${allClearOut} differs from a fresh training on datasets/all-clear/: run \`npm run train\` and commit it`,
      );
      return 1;
    }
    let committed: { json: string; weights: Buffer };
    try {
      committed = { json: readFileSync(out, 'utf8'), weights: readFileSync(weightsOut) };
    } catch {
      io.stderr(`${out} or ${weightsOut} is missing`);
      return 1;
    }
    if (committed.json !== files.json || !committed.weights.equals(files.weights)) {
      io.stderr(
        `${out} differs from a fresh training on datasets/: run \`npm run train\` and commit the model`,
      );
      return 1;
    }
    io.stdout(`${out} and its weights are reproduced byte for byte`);
    return 0;
  }
  writeFileSync(out, files.json);
  writeFileSync(weightsOut, files.weights);
  writeFileSync(allClearOut, allClearJson);
  io.stdout(`wrote ${out}, ${weightsOut} and ${allClearOut}`);
  return 0;
}
