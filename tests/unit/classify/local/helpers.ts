import {
  createLocalClassifier,
  type LocalClassifier,
} from '../../../../src/classify/local/local-classifier.js';
import { loadDirectory } from '../../../../src/directory/load-directory.js';

let classifier: LocalClassifier | undefined;

/** One classifier for the suite: the sample directory and the shipped model. */
export function localClassifier(): LocalClassifier {
  classifier ??= createLocalClassifier(loadDirectory());
  return classifier;
}

export const classify = (text: string, roomTopic?: string) =>
  localClassifier().classifySync({ text, roomTopic });
