import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { AllClearExample } from './all-clear.js';
import { DATASETS_DIR } from './training-data.js';

/** Emergency threads labelled line by line: does the line call the emergency off? */
export const ALL_CLEAR_DIR = join(DATASETS_DIR, 'all-clear');

const ThreadLineSchema = z.object({
  thread: z.string(),
  seq: z.number().int(),
  room: z.string(),
  from: z.string(),
  role: z.enum(['reporter', 'staff', 'bystander']),
  text: z.string().min(1),
  all_clear: z.boolean(),
});
export type ThreadLine = z.infer<typeof ThreadLineSchema>;

/** The lines of one file, each checked; the line number of the first bad one is in the error. */
export function readThreadLines(file: string): ThreadLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, i }) => {
      const parsed = ThreadLineSchema.safeParse(JSON.parse(line));
      if (!parsed.success) {
        throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid line'}`);
      }
      return parsed.data;
    });
}

/** Every file of datasets/all-clear/, sorted; each file is one writer. */
export function allClearFiles(dir = ALL_CLEAR_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
}

/** The training lines of the given files, each with its writer (the file's name). */
export function readAllClearExamples(files: readonly string[] = allClearFiles()): AllClearExample[] {
  return files.flatMap((file) =>
    readThreadLines(file).map((l) => ({
      text: l.text,
      allClear: l.all_clear,
      source: basename(file, '.jsonl'),
      bystander: l.role === 'bystander',
    })),
  );
}
