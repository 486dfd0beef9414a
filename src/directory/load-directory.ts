import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import type * as z from 'zod';
import { AppError } from '../errors.js';
import { checkReferences } from './check-references.js';
import { createDirectory, type Directory } from './directory.js';
import { DirectorySchema } from './schema.js';

/** The shipped sample community, the embedded default. */
export const DEFAULT_DIRECTORY_FILE = fileURLToPath(
  new URL('../../directory/xingfuli.yaml', import.meta.url),
);

export type DirectoryProblem = { path: string; line: number | null; message: string };

/** Parses and validates directory text; each problem names the path of the field, its line and what is wrong. */
export function parseDirectoryText(
  text: string,
): { success: true; directory: Directory } | { success: false; problems: DirectoryProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      success: false,
      problems: doc.errors.map((e) => ({
        path: '(yaml)',
        line: lineCounter.linePos(e.pos[0]).line,
        message: e.message.split('\n')[0] ?? 'YAML syntax error',
      })),
    };
  }
  const lineOf = (path: readonly PropertyKey[]): number | null => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as
        | { range?: [number, number, number] }
        | undefined;
      if (node && (isMap(node) || isSeq(node) || node.range)) {
        const offset = node.range?.[0];
        return offset === undefined ? null : lineCounter.linePos(offset).line;
      }
    }
    return null;
  };
  const parsed = DirectorySchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return { success: false, problems: parsed.error.issues.map((issue) => toProblem(issue, lineOf)) };
  }
  const problems = checkReferences(parsed.data).map((p) => ({ ...p, line: lineOf(p.at) }));
  if (problems.length > 0) {
    return { success: false, problems: problems.map(({ path, line, message }) => ({ path, line, message })) };
  }
  return { success: true, directory: createDirectory(parsed.data) };
}

function toProblem(
  issue: z.core.$ZodIssue,
  lineOf: (p: readonly PropertyKey[]) => number | null,
): DirectoryProblem {
  return { path: formatPath(issue.path), line: lineOf(issue.path), message: issue.message };
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0
    ? '(top level)'
    : path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Reads a directory file; a wrong file throws a CONFIG_INVALID error naming the file, the field path and the problem. */
export function loadDirectory(file: string = DEFAULT_DIRECTORY_FILE): Directory {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new AppError('CONFIG_INVALID', { message: `${file}: cannot read the directory file`, cause });
  }
  const result = parseDirectoryText(text);
  if (!result.success) {
    const lines = result.problems.map(
      (p) => `${file}${p.line === null ? '' : `:${p.line}`}: ${p.path}: ${p.message}`,
    );
    throw new AppError('CONFIG_INVALID', { message: lines.join('\n') });
  }
  return result.directory;
}
