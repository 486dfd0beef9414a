import { createCascadeClassifier } from '../classify/cascade-classifier.js';
import type { Classifier } from '../classify/classifier.js';
import { loadClassifyPrompt } from '../classify/llm/classify-prompt.js';
import { createLocalClassifier } from '../classify/local/local-classifier.js';
import type { LlmSettings } from '../config.js';
import type { Directory } from '../directory/directory.js';
import type { Logger } from '../logger.js';
import { withLlmCache } from './cached-classifier.js';
import type { LlmCallObserver } from './llm-call-observer.js';

/**
 * The classifier the bot uses: the local one alone, or the cascade (local first, the LLM when unsure)
 * when an OpenAI-compatible endpoint is configured, its answers remembered by normalised text; `mode`
 * forces one side for `shaozi classify`.
 */
export async function createClassifier(options: {
  directory: Directory;
  llm: LlmSettings | undefined;
  promptsDir: string;
  logger: Logger;
  mode?: 'local' | 'llm' | 'auto';
  /** Told of each request to the LLM (metrics). */
  observer?: LlmCallObserver;
}): Promise<Classifier> {
  const local = createLocalClassifier(options.directory);
  if (!options.llm || options.mode === 'local') {
    return local;
  }
  const prompt = loadClassifyPrompt(options.promptsDir, options.directory);
  // the OpenAI SDK is loaded only when an endpoint is configured (a quarter of a second at start-up)
  const { createOpenAIClassifier } = await import('./openai-classifier.js');
  const remote = withLlmCache(
    createOpenAIClassifier(options.llm, prompt, { logger: options.logger, observer: options.observer }),
    { ...options.llm.cache, observer: options.observer },
  );
  options.logger.info(
    { event: 'classify.llm.enabled', model: options.llm.model, promptVersion: prompt.version },
    'llm classifier on',
  );
  const policy =
    options.mode === 'llm'
      ? { ...options.llm.policy, mode: 'always' as const, budget: 1 }
      : options.llm.policy;
  return createCascadeClassifier({ local, remote, policy, logger: options.logger });
}
