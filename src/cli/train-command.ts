import { readFileSync, writeFileSync } from 'node:fs';
import { MODEL_FILE } from '../classify/local/local-classifier.js';
import { trainLocalModel } from '../classify/local/trained-model.js';
import { readCorpus } from '../classify/local/training-data.js';
import { loadDirectory } from '../directory/load-directory.js';

export type TrainIo = { stdout: (line: string) => void; stderr: (line: string) => void };

/** The model file's text: one stable serialisation, so a retrain on the same data is byte-identical. */
export const serializeModel = (model: unknown): string => `${JSON.stringify(model, null, 1)}\n`;

/**
 * `shaozi train [--out FILE] [--check]`: trains the local model on every labelled message in datasets/ and
 * writes models/local-model.json; with --check, trains and compares with the committed file instead.
 */
export async function runTrainCommand(args: string[], io: TrainIo): Promise<number> {
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? (args[outIndex + 1] ?? MODEL_FILE) : MODEL_FILE;
  const started = Date.now();
  const corpus = readCorpus();
  const model = trainLocalModel(corpus, loadDirectory());
  const text = serializeModel(model);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.stdout(
    `trained ${model.version} on ${model.data.messages} messages from ${Object.keys(model.data.sources).length} writers, ${model.features.length} features, in ${seconds} s`,
  );
  io.stdout(
    `emergency: sure ≥ ${model.emergency.sure}, check ≥ ${model.emergency.check} (out of fold: recall with checks ${model.outOfFold.emergencyRecallAtCheck}, checks ${model.outOfFold.checkShareOfOthers} of other messages, precision at sure ${model.outOfFold.precisionAtSure})`,
  );
  if (args.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(out, 'utf8');
    } catch {
      io.stderr(`${out} is missing`);
      return 1;
    }
    if (committed !== text) {
      io.stderr(
        `${out} differs from a fresh training on datasets/: run \`npm run train\` and commit the model`,
      );
      return 1;
    }
    io.stdout(`${out} is reproduced byte for byte`);
    return 0;
  }
  writeFileSync(out, text);
  io.stdout(`wrote ${out}`);
  return 0;
}
