import { parentPort, workerData } from 'node:worker_threads';
import { loadDirectory } from '../../directory/load-directory.js';
import { readCorpus } from '../local/training-data.js';
import { featureCache, scoreWriterLeftOut } from './kfold.js';
import type { LowoTask, LowoWorkerMessage } from './lowo-parallel.js';

// Scores its share of the writers, each by a model trained on every other writer, and posts each result.
const task = workerData as LowoTask;
const corpus = readCorpus().filter((m) => !task.exclude.some((p) => m.source.startsWith(p)));
const directory = loadDirectory(task.directoryFile);
const cache = featureCache(corpus);
for (const writer of task.writers) {
  const scored = scoreWriterLeftOut(corpus, writer, directory, cache);
  parentPort?.postMessage({ writer, scored } satisfies LowoWorkerMessage);
}
