import { DEFAULT_DIRECTORY_FILE, loadDirectory } from '../src/directory/load-directory.js';
import { knowledgeFileBeside, loadKnowledgeBase } from '../src/knowledge/load-knowledge.js';

/**
 * Before any worker starts: the sample community's entry model is fitted once (or read back) and kept in the
 * machine's cache, so no test pays the fit inside its own time limit.
 */
export default function setup(): void {
  const started = Date.now();
  const directory = loadDirectory();
  loadKnowledgeBase(knowledgeFileBeside(DEFAULT_DIRECTORY_FILE), directory);
  const ms = Date.now() - started;
  if (ms > 1_000) {
    process.stdout.write(`global setup: the knowledge base's entry model fitted and kept in ${ms} ms\n`);
  }
}
