import type { Directory } from '../../directory/directory.js';
import { createLocalClassifier } from '../local/local-classifier.js';
import { type TrainedModel, trainModel } from '../local/model.js';
import { prepareForModel } from '../local/prepare.js';
import type { LabelledMessage } from '../local/training-data.js';
import type { ScoredMessage } from './metrics.js';

/** Deterministic fold of each message (a seeded shuffle), so runs are repeatable. */
export function assignFolds(count: number, k: number, seed = 20240611): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const folds = new Array<number>(count).fill(0);
  order.forEach((messageIndex, position) => {
    folds[messageIndex] = position % k;
  });
  return folds;
}

export function train(messages: readonly LabelledMessage[]): TrainedModel {
  return trainModel(messages, prepareForModel);
}

/** k-fold cross-validation: the model of each fold never sees the messages it is scored on. */
export function crossValidate(
  messages: readonly LabelledMessage[],
  k: number,
  directory: Directory,
): ScoredMessage[] {
  const folds = assignFolds(messages.length, k);
  const scored: ScoredMessage[] = [];
  for (let fold = 0; fold < k; fold++) {
    const model = train(messages.filter((_, i) => folds[i] !== fold));
    const classifier = createLocalClassifier(directory, { model });
    messages.forEach((gold, i) => {
      if (folds[i] === fold) {
        scored.push({ gold, predicted: classifier.classifySync({ text: gold.text }) });
      }
    });
  }
  return scored;
}

/** Train on one set, score on another (a held-out file). */
export function trainAndScore(
  training: readonly LabelledMessage[],
  test: readonly LabelledMessage[],
  directory: Directory,
): ScoredMessage[] {
  const classifier = createLocalClassifier(directory, { model: train(training) });
  return test.map((gold) => ({ gold, predicted: classifier.classifySync({ text: gold.text }) }));
}
