import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { BODIES, CATEGORIES, INTENTS, LocationSchema, URGENCIES } from '../../labels/labels.js';

/** Every labelled message the project has, by source (see datasets/README.md). */
export const DATASETS_DIR = fileURLToPath(new URL('../../../datasets/', import.meta.url));

/** The first labelled set, kept as the default file of `shaozi eval FILE` runs. */
export const DEFAULT_TRAINING_FILE = join(DATASETS_DIR, 'dev-messages.jsonl');

/**
 * Folders of datasets/ that hold other things than the classifier's training data: second labels for
 * agreement, residents' questions for the knowledge base, a labelled replay day for the whole pipeline,
 * emergency threads for the all-clear model (all-clear.ts).
 */
const NOT_TRAINING = new Set(['all-clear', 'double-labelled', 'questions', 'replay-day']);

export const LabelledMessageSchema = z.object({
  id: z.string(),
  text: z.string(),
  intent: z.enum(INTENTS),
  category: z.enum(CATEGORIES),
  body: z.enum(BODIES),
  urgency: z.enum(URGENCIES),
  location: LocationSchema,
  note: z.string().optional(),
});
export type LabelledMessage = z.infer<typeof LabelledMessageSchema>;

/** Reads a JSONL file of labelled messages; a bad line throws with its line number. */
export function readLabelledMessages(file: string): LabelledMessage[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: LabelledMessage[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      return;
    }
    const parsed = LabelledMessageSchema.safeParse(JSON.parse(line));
    if (!parsed.success) {
      throw new Error(`${file}:${i + 1}: ${z.prettifyError(parsed.error)}`);
    }
    out.push(parsed.data);
  });
  return out;
}

/** A labelled message and the writer it came from (the unit of leave-one-writer-out evaluation). */
export type SourcedMessage = LabelledMessage & { source: string };

/**
 * Who wrote a file: each corpus file is its own writer; the project's own hand-written held-out sets
 * (written by earlier sessions of this project) count as one writer, and so does the first dev set.
 */
export function writerOf(path: string): string {
  const name = path.replace(/\\/g, '/').replace(/\.jsonl$/, '');
  if (name === 'dev-messages') {
    return 'dev';
  }
  if (name.startsWith('project-')) {
    // the project's own hand-written sets: one writer
    return 'project-holdouts';
  }
  return name;
}

/** Every training file under a datasets folder, sorted, so the corpus (and the model) is reproducible. */
export function corpusFiles(dir = DATASETS_DIR): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder).sort()) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) {
        if (!NOT_TRAINING.has(entry)) {
          walk(path);
        }
      } else if (entry.endsWith('.jsonl')) {
        out.push(path);
      }
    }
  };
  walk(dir);
  return out;
}

/** The whole labelled corpus with each message's writer; a text seen twice is kept once (the first). */
export function readCorpus(dir = DATASETS_DIR): SourcedMessage[] {
  const seen = new Set<string>();
  const out: SourcedMessage[] = [];
  for (const file of corpusFiles(dir)) {
    const source = writerOf(relative(dir, file));
    for (const message of readLabelledMessages(file)) {
      const key = message.text.replace(/\s+/g, ' ').trim();
      if (seen.has(key)) {
        continue;
      }
      seen.add(key);
      out.push({ ...message, source });
    }
  }
  return out;
}
