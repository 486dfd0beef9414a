import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Directory } from '../directory/directory.js';
import { formatPath } from '../directory/load-directory.js';
import { AppError } from '../errors.js';
import type { EntryModelCache } from './entry-model.js';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base.js';
import { KnowledgeBaseSchema, type KnowledgeEntryData } from './schema.js';

/** The knowledge base beside a directory file: xingfuli.yaml → xingfuli-kb.yaml. */
export function knowledgeFileBeside(directoryFile: string): string {
  return directoryFile.replace(/(\.ya?ml)?$/i, '-kb.yaml');
}

/** Problems with knowledge-base text: syntax, fields, unknown compounds, repeated ids. */
export function checkKnowledgeText(text: string, directory: Directory): string[] {
  const read = readKnowledgeText(text, directory);
  return 'problems' in read ? read.problems : [];
}

/** The entries of knowledge-base text, or what is wrong with it (the text is parsed once). */
export function readKnowledgeText(
  text: string,
  directory: Directory,
): { entries: KnowledgeEntryData[] } | { problems: string[] } {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (cause) {
    return { problems: [`(yaml): ${(cause as Error).message.split('\n')[0]}`] };
  }
  const parsed = KnowledgeBaseSchema.safeParse(raw);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`) };
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.data.entries.forEach((e, i) => {
    if (seen.has(e.id)) {
      problems.push(`entries[${i}].id: "${e.id}" is used twice`);
    }
    seen.add(e.id);
    for (const c of e.compounds ?? []) {
      if (!directory.compoundByName(c)) {
        problems.push(`entries[${i}].compounds: "${c}" is not a compound of the directory`);
      }
    }
  });
  return problems.length > 0 ? { problems } : { entries: parsed.data.entries };
}

/**
 * Knowledge bases built in this process, by their text and their directory's data: the bot, its web side and
 * every app a test starts share one instead of building it again (about 0.4 s each). A knowledge base is
 * read-only once built; a few are kept, the oldest let go.
 */
const built = new Map<string, KnowledgeBase>();
const BUILT_KEPT = 4;

/**
 * Reads the knowledge base; a missing file is an empty knowledge base (every question goes to a person), a
 * wrong one stops the start with the file, the field and the problem.
 */
export function loadKnowledgeBase(
  file: string,
  directory: Directory,
  /** Where the fitted entry model is kept (default: the machine's cache); one given here is never shared. */
  modelCache?: EntryModelCache,
): KnowledgeBase {
  if (!existsSync(file)) {
    return createKnowledgeBase(directory, []);
  }
  const text = readFileSync(file, 'utf8');
  const key = modelCache
    ? undefined
    : createHash('sha256').update(text).update('\0').update(JSON.stringify(directory.data)).digest('hex');
  const kept = key === undefined ? undefined : built.get(key);
  if (kept) {
    return kept;
  }
  const read = readKnowledgeText(text, directory);
  if ('problems' in read) {
    throw new AppError('CONFIG_INVALID', { message: read.problems.map((p) => `${file}: ${p}`).join('\n') });
  }
  const knowledgeBase = createKnowledgeBase(
    directory,
    read.entries,
    modelCache ?? fileEntryModelCache(process.env.SHAOZI_CACHE_DIR ?? join(tmpdir(), 'shaozi-cache')),
  );
  if (key !== undefined) {
    if (built.size >= BUILT_KEPT) {
      built.delete(built.keys().next().value as string);
    }
    built.set(key, knowledgeBase);
  }
  return knowledgeBase;
}

/**
 * Fitted entry models kept as files in `dir`, one per key, so the next process (a restart, a test, a worker)
 * reads the model instead of fitting it again. A file that cannot be read or written is no cache: the model is
 * fitted as if it were not there.
 */
export function fileEntryModelCache(dir: string): EntryModelCache {
  const fileOf = (key: string) => join(dir, `kb-entry-model-${key}.bin`);
  return {
    read: (key) => {
      try {
        return readFileSync(fileOf(key));
      } catch {
        return undefined;
      }
    },
    write: (key, bytes) => {
      try {
        mkdirSync(dir, { recursive: true });
        // written aside and renamed, so a reader in another process never sees half a file
        const aside = `${fileOf(key)}.${process.pid}.tmp`;
        writeFileSync(aside, bytes);
        renameSync(aside, fileOf(key));
      } catch {
        // no cache on this machine: the next process fits the model again
      }
    },
  };
}
