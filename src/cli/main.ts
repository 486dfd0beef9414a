import { isAppError } from '../errors.js';
import { flagValue, processIo } from './io.js';

// each command's modules load only when it runs: `shaozi --help` should not read the classifier
const USAGE = [
  'usage: shaozi <command>',
  '  classify [--input FILE] [--local|--llm]   classify JSONL messages ({"id","text"} per line)',
  '  replay FILE [--out DIR]                   play a conversation through the bot on a simulated clock',
  '  audit verify [--db FILE]                  check the tamper-evident ticket event log',
  '  check-config [FILE]                       validate a community directory file',
  '  eval [FILE…] [--kfold K]                  measure the local classifier (default: leave-one-writer-out)',
  '  kb check|eval [FILE] [--kb FILE]         validate the knowledge base; measure answers to labelled questions',
  '  train [--check]                           train the local model on datasets/ into models/local-model.json',
  '  web [--db FILE] [--port N] [--host HOST]  serve the dashboard over an existing store (no bot)',
  '  report --month YYYY-MM [--db FILE] --out FILE.xlsx  write the monthly Excel report (12345 bulletin shape)',
];

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'classify': {
      const [
        { llmSettings, loadConfig },
        { loadDirectory },
        { createClassifier },
        { createLogger },
        { runClassify },
      ] = await Promise.all([
        import('../config.js'),
        import('../directory/load-directory.js'),
        import('../llm/create-classifier.js'),
        import('../logger.js'),
        import('./classify-command.js'),
      ]);
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
      const { runReplay } = await import('../replay/run-replay.js');
      return runReplay({ file, outDir: flagValue(args, '--out'), env: process.env }, processIo);
    }
    case 'audit':
      if (args[0] !== 'verify') {
        processIo.stderr('usage: shaozi audit verify [--db FILE]');
        return 2;
      }
      return (await import('./audit-command.js')).runAuditVerify(args.slice(1), processIo, process.env);
    case 'check-config':
      return (await import('./check-config-command.js')).runCheckConfig(args, processIo);
    case 'eval':
      return (await import('./eval-command.js')).runEvalCommand(args, processIo);
    case 'kb':
      return (await import('./kb-command.js')).runKbCommand(args, processIo);
    case 'train':
      return (await import('./train-command.js')).runTrainCommand(args, processIo);
    case 'report': {
      const { runReportCommand } = await import('./report-command.js');
      return runReportCommand(args, processIo, process.env);
    }
    case 'web': {
      const { runWebCommand } = await import('./web-command.js');
      const stop = new Promise((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      return runWebCommand(args, processIo, process.env, stop);
    }
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
