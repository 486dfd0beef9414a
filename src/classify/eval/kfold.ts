import type { Directory } from '../../directory/directory.js';
import { createLocalClassifier } from '../local/local-classifier.js';
import {
  DEFAULT_TRAIN_OPTIONS,
  type LocalModel,
  loadModel,
  messageFeatures,
  type TrainOptions,
  trainLocalModel,
} from '../local/trained-model.js';
import type { LabelledMessage, SourcedMessage } from '../local/training-data.js';
import { assignFolds } from '../model/folds.js';
import type { ScoredMessage } from './metrics.js';

/** Features of every message once, shared by all the folds of a run (or the writers of a thread). */
export function featureCache(messages: readonly LabelledMessage[]): Map<LabelledMessage, string[]> {
  return new Map(messages.map((m) => [m, messageFeatures(m.text)]));
}

function trainOn(
  training: readonly LabelledMessage[],
  cache: Map<LabelledMessage, string[]>,
  options: TrainOptions,
  directory: Directory,
) {
  return loadModel(
    trainLocalModel(
      training,
      directory,
      options,
      training.map((m) => cache.get(m) ?? messageFeatures(m.text)),
    ),
  );
}

function scoreWith(
  training: readonly LabelledMessage[],
  test: readonly LabelledMessage[],
  directory: Directory,
  cache: Map<LabelledMessage, string[]>,
  options: TrainOptions,
): ScoredMessage[] {
  const classifier = createLocalClassifier(directory, {
    model: trainOn(training, cache, options, directory),
  });
  return test.map((gold) => ({ gold, predicted: classifier.classifySync({ text: gold.text }) }));
}

/** k-fold cross-validation: the model of each fold never sees the messages it is scored on. */
export function crossValidate(
  messages: readonly LabelledMessage[],
  k: number,
  directory: Directory,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): ScoredMessage[] {
  const folds = assignFolds(messages.length, k);
  const cache = featureCache(messages);
  const scored: ScoredMessage[] = [];
  for (let fold = 0; fold < k; fold++) {
    scored.push(
      ...scoreWith(
        messages.filter((_, i) => folds[i] !== fold),
        messages.filter((_, i) => folds[i] === fold),
        directory,
        cache,
        options,
      ),
    );
  }
  return scored;
}

/**
 * Leave-one-writer-out: for each writer, a model trained (and calibrated, thresholds included) on every
 * other writer scores that writer's messages. New wording from a new writer is what the bot meets.
 */
export function leaveOneWriterOut(
  messages: readonly SourcedMessage[],
  directory: Directory,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
  onWriter?: (writer: string, scored: ScoredMessage[]) => void,
): Map<string, ScoredMessage[]> {
  const cache = featureCache(messages);
  const writers = [...new Set(messages.map((m) => m.source))];
  const out = new Map<string, ScoredMessage[]>();
  for (const writer of writers) {
    const scored = scoreWriterLeftOut(messages, writer, directory, cache, options);
    out.set(writer, scored);
    onWriter?.(writer, scored);
  }
  return out;
}

/** One writer scored by a model trained (and calibrated, thresholds included) on every other writer. */
export function scoreWriterLeftOut(
  messages: readonly SourcedMessage[],
  writer: string,
  directory: Directory,
  cache: Map<LabelledMessage, string[]> = featureCache(messages),
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): ScoredMessage[] {
  return scoreWith(
    messages.filter((m) => m.source !== writer),
    messages.filter((m) => m.source === writer),
    directory,
    cache,
    options,
  );
}

/** A model trained (and calibrated, thresholds included) on `training` only, for a stream it never saw. */
export function trainHeldOutModel(
  training: readonly LabelledMessage[],
  directory: Directory,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): LocalModel {
  return trainOn(training, featureCache(training), options, directory);
}

/** Train on one set, score on another (a new file, on first sight). */
export function trainAndScore(
  training: readonly LabelledMessage[],
  test: readonly LabelledMessage[],
  directory: Directory,
  options: TrainOptions = DEFAULT_TRAIN_OPTIONS,
): ScoredMessage[] {
  return scoreWith(training, test, directory, featureCache([...training, ...test]), options);
}
