import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ScoredMessage } from './metrics.js';

/** What one worker thread scores: its writers, over the corpus less `exclude`, with this directory. */
export type LowoTask = { writers: string[]; exclude: string[]; directoryFile: string | undefined };
export type LowoWorkerMessage = { writer: string; scored: ScoredMessage[] };

/** Threads by default: one per core, at most four (each holds the corpus and a model in memory). */
export const defaultJobs = (): number => Math.max(1, Math.min(availableParallelism(), 4));

/**
 * Leave-one-writer-out on `jobs` worker threads: each trains and scores its share of the writers (the
 * largest first, dealt in turn), and `onWriter` hears every writer in the order given, so the report reads
 * the same as a run on one thread. Each writer's model is the same whichever thread trains it.
 */
export async function leaveOneWriterOutInParallel(
  input: { writers: readonly string[]; sizes: ReadonlyMap<string, number> } & Omit<LowoTask, 'writers'>,
  jobs: number,
  onWriter: (writer: string, scored: ScoredMessage[]) => void,
): Promise<void> {
  const bySize = [...input.writers].sort((a, b) => (input.sizes.get(b) ?? 0) - (input.sizes.get(a) ?? 0));
  const shares: string[][] = Array.from({ length: Math.max(1, Math.min(jobs, bySize.length)) }, () => []);
  for (const [i, writer] of bySize.entries()) {
    shares[i % shares.length]?.push(writer);
  }
  const done = new Map<string, ScoredMessage[]>();
  let next = 0;
  const flush = () => {
    for (let w = input.writers[next]; w !== undefined && done.has(w); w = input.writers[next]) {
      onWriter(w, done.get(w) as ScoredMessage[]);
      done.delete(w);
      next++;
    }
  };
  await Promise.all(
    shares.map(
      (writers) =>
        new Promise<void>((resolve, reject) => {
          const task: LowoTask = { writers, exclude: input.exclude, directoryFile: input.directoryFile };
          const worker = new Worker(new URL('./lowo-worker-boot.mjs', import.meta.url), { workerData: task });
          worker.on('message', (m: LowoWorkerMessage) => {
            done.set(m.writer, m.scored);
            flush();
          });
          worker.on('error', reject);
          worker.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`a leave-one-writer-out thread stopped with ${code}`)),
          );
        }),
    ),
  );
  if (next < input.writers.length) {
    throw new Error(`leave-one-writer-out: ${input.writers.length - next} writers were not scored`);
  }
}
