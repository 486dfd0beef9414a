import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { DEFAULT_DIRECTORY_FILE, loadDirectory } from '../directory/load-directory.js';
import { mayBeQuestion } from '../intake/answer-question.js';
import { evaluateQuestions, heldOutAsks, type LabelledQuestion } from '../knowledge/evaluate.js';
import { createKnowledgeBase } from '../knowledge/knowledge-base.js';
import { knowledgeFileBeside, readKnowledgeText } from '../knowledge/load-knowledge.js';
import type { Classification } from '../labels/classification.js';
import { createClassifier } from '../llm/create-classifier.js';
import { createLogger } from '../logger.js';
import type { CliIo } from './io.js';
import { flagValue } from './io.js';

const USAGE = [
  'usage: shaozi kb check [--kb FILE] [--directory FILE]   validate the knowledge base, then score held-out phrasings',
  '       shaozi kb eval QUESTIONS.jsonl [--kb FILE]       what the bot does with labelled questions',
];

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

/** `shaozi kb …`: checks a knowledge base and measures how the bot answers questions from it. */
export async function runKbCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const directoryFile = flagValue(rest, '--directory') ?? DEFAULT_DIRECTORY_FILE;
  const kbFile = flagValue(rest, '--kb') ?? knowledgeFileBeside(directoryFile);
  if (sub !== 'check' && sub !== 'eval') {
    for (const line of USAGE) {
      io.stderr(line);
    }
    return 2;
  }
  const directory = loadDirectory(directoryFile);
  const text = readFileSync(kbFile, 'utf8');
  const read = readKnowledgeText(text, directory);
  if ('problems' in read) {
    for (const p of read.problems) {
      io.stderr(`${kbFile}: ${p}`);
    }
    return 1;
  }
  const { entries } = read;
  if (sub === 'check') {
    const r = heldOutAsks(directory, entries);
    io.stdout(`${kbFile}: ${entries.length} entries, valid`);
    io.stdout(
      `held-out phrasings (5 folds): ${r.asked} phrasings, right ${r.right} (${pct(r.right, r.asked)}), ` +
        `wrong ${r.wrong} (${pct(r.wrong, r.asked)}), unanswered ${r.unanswered} (${pct(r.unanswered, r.asked)})`,
    );
    if (r.confusions.length > 0) {
      io.stdout('entries most often taken for one another (merge them, or make their asks differ):');
      for (const c of r.confusions.slice(0, 10)) {
        io.stdout(`  ${c.count}×  ${c.entries[0]} ↔ ${c.entries[1]}`);
      }
    }
    for (const m of r.misses) {
      io.stdout(`  ${m}`);
    }
    return 0;
  }
  const file = rest.find(
    (a, i) => !a.startsWith('--') && !['--kb', '--directory'].includes(rest[i - 1] ?? ''),
  );
  if (!file) {
    io.stderr(USAGE[1] ?? '');
    return 2;
  }
  const questions = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => JSON.parse(l) as LabelledQuestion);
  const classifier = await createClassifier({
    directory,
    llm: undefined,
    promptsDir: loadConfig().PROMPTS_DIR,
    logger: createLogger('warn'),
    mode: 'local',
  });
  const kb = createKnowledgeBase(directory, entries);
  const classifications = new Map<string, Classification>();
  const outcomes = await evaluateQuestions(
    kb,
    questions,
    async (q) => {
      const c = await classifier.classify({ text: q.text, ...(q.room ? { roomTopic: q.room } : {}) });
      classifications.set(q.id, c);
      return c;
    },
    (q) => {
      const c = classifications.get(q.id);
      return c !== undefined && mayBeQuestion(c, q.text);
    },
  );
  const answered = outcomes.filter((o) => o.kind === 'answered');
  const wrong = answered.filter((o) => !o.right);
  const tickets = outcomes.filter((o) => o.kind === 'question_ticket');
  const readAs = outcomes.filter((o) => o.kind === 'read_as');
  const n = outcomes.length;
  io.stdout(`${n} questions from ${file}`);
  io.stdout(`answered from the knowledge base: ${answered.length} (${pct(answered.length, n)})`);
  io.stdout(`  of which wrong: ${wrong.length}`);
  io.stdout(
    `question tickets: ${tickets.length} (${pct(tickets.length, n)}), to the right body: ` +
      `${tickets.filter((o) => o.rightBody).length}`,
  );
  io.stdout(`read as something else: ${readAs.length} (${pct(readAs.length, n)})`);
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const o of outcomes) {
    const q = byId.get(o.id);
    const line =
      o.kind === 'answered'
        ? o.right
          ? null
          : `WRONG ANSWER  ${o.id} → ${o.entryId} (right: ${q?.answers.join('|') || 'none'})`
        : o.kind === 'question_ticket'
          ? `question      ${o.id} → ${o.body}${o.rightBody ? '' : ` (right: ${q?.body})`}${q?.answers.length ? ` (kb has: ${q.answers.join('|')})` : ''}`
          : `read as ${o.intent.padEnd(9)} ${o.id}`;
    if (line) {
      io.stdout(`  ${line}  ${q?.text.replace(/\n/g, ' ').slice(0, 50)}`);
    }
  }
  return 0;
}
