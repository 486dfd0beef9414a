import { readFileSync, writeFileSync } from 'node:fs';
import { MODEL_FILE, weightsFileOf } from '../classify/local/local-classifier.js';
import { modelFiles, trainLocalModel } from '../classify/local/trained-model.js';
import { readCorpus } from '../classify/local/training-data.js';
import { loadDirectory } from '../directory/load-directory.js';

export type TrainIo = { stdout: (line: string) => void; stderr: (line: string) => void };

/**
 * `shaozi train [--out FILE] [--check]`: trains the local model on every labelled message in datasets/ and
 * writes models/local-model.json and its weights file; with --check, trains and compares with the committed
 * files instead.
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
  if (args.includes('--check')) {
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
  io.stdout(`wrote ${out} and ${weightsOut}`);
  return 0;
}
