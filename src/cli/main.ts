import { llmSettings, loadConfig } from '../config.js';
import { loadDirectory } from '../directory/load-directory.js';
import { isAppError } from '../errors.js';
import { createClassifier } from '../llm/create-classifier.js';
import { createLogger } from '../logger.js';
import { runReplay } from '../replay/run-replay.js';
import { runAuditVerify } from './audit-command.js';
import { runCheckConfig } from './check-config-command.js';
import { runClassify } from './classify-command.js';
import { runEvalCommand } from './eval-command.js';
import { flagValue, processIo } from './io.js';
import { runKbCommand } from './kb-command.js';
import { runTrainCommand } from './train-command.js';

const USAGE = [
  'usage: shaozi <command>',
  '  classify [--input FILE] [--local|--llm]   classify JSONL messages ({"id","text"} per line)',
  '  replay FILE [--out DIR]                   play a conversation through the bot on a simulated clock',
  '  audit verify [--db FILE]                  check the tamper-evident ticket event log',
  '  check-config [FILE]                       validate a community directory file',
  '  eval [FILE…] [--kfold K]                  measure the local classifier (default: leave-one-writer-out)',
  '  kb check|eval [FILE] [--kb FILE]         validate the knowledge base; measure answers to labelled questions',
  '  train [--check]                           train the local model on datasets/ into models/local-model.json',
];

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'classify': {
      const config = loadConfig();
      const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
      const mode = args.includes('--local') ? 'local' : args.includes('--llm') ? 'llm' : 'auto';
      const classifier = await createClassifier({
        directory: loadDirectory(config.DIRECTORY_FILE),
        llm: llmSettings(config),
        promptsDir: config.PROMPTS_DIR,
        logger,
        mode,
      });
      return runClassify(flagValue(args, '--input') ?? process.stdin, classifier, processIo);
    }
    case 'replay': {
      const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--out');
      if (!file) {
        processIo.stderr('usage: shaozi replay FILE [--out DIR]');
        return 2;
      }
      return runReplay({ file, outDir: flagValue(args, '--out'), env: process.env }, processIo);
    }
    case 'audit':
      if (args[0] !== 'verify') {
        processIo.stderr('usage: shaozi audit verify [--db FILE]');
        return 2;
      }
      return runAuditVerify(args.slice(1), processIo, process.env);
    case 'check-config':
      return runCheckConfig(args, processIo);
    case 'eval':
      return runEvalCommand(args, processIo);
    case 'kb':
      return runKbCommand(args, processIo);
    case 'train':
      return runTrainCommand(args, processIo);
    default:
      for (const line of USAGE) {
        processIo.stderr(line);
      }
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

run(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    processIo.stderr(
      `shaozi: ${isAppError(error) ? error.message : error instanceof Error ? error.stack : String(error)}`,
    );
    process.exit(1);
  });
