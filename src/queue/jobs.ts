import { createHash } from 'node:crypto';
import * as z from 'zod';

/** Queue names; every key is under the configured prefix so deployments and test runs never share keys. */
export const QUEUE_NAMES = {
  /** The ordinary lane, split into partitions (`intakePartitionName`): one conversation is in one partition. */
  intake: 'intake',
  /** The emergency lane: messages the local classifier reads as an emergency or an emergency check. */
  intakeUrgent: 'intake-urgent',
  outbox: 'outbox',
  timers: 'timers',
} as const;

/**
 * The ordinary intake lane's queues: a conversation (one compound's groups, one person's private chat) always
 * goes to the same partition, and each partition runs one job at a time across every process (BullMQ's global
 * concurrency), so a conversation is read in order however many intake processes there are, while different
 * partitions are read side by side.
 */
export function intakePartitionName(index: number): string {
  return `${QUEUE_NAMES.intake}-p${index}`;
}

/**
 * The outbox queue of the deployment's bot account number `index` (from 0), when it runs several: the one
 * outbox queue then only routes each row to the account that sends it, and each account's queue is drained
 * at that account's own pace.
 */
export function outboxAccountName(index: number): string {
  return `${QUEUE_NAMES.outbox}-account-${index + 1}`;
}

/** The partition of a conversation's key, out of `partitions`: a hash, the same in every process. */
export function intakePartitionOf(orderKey: string, partitions: number): number {
  return createHash('sha256').update(orderKey).digest().readUInt32BE(0) % partitions;
}

/** Payloads are ids: the processor reloads the record from the store. */
export const IntakeJobSchema = z.object({ messageKey: z.string().min(1) });
export type IntakeJob = z.infer<typeof IntakeJobSchema>;

export const OutboxJobSchema = z.object({ outboxId: z.number().int().positive() });
export type OutboxJob = z.infer<typeof OutboxJobSchema>;

/** Time-driven work: a sweep of the deadline timers, or a digest. */
export const TIMER_TASKS = ['sweep', 'daily_digest', 'weekly_summary', 'monthly_branch_summary'] as const;
export const TimersJobSchema = z.object({ task: z.enum(TIMER_TASKS) });
export type TimersJob = z.infer<typeof TimersJobSchema>;

export const DEFAULT_ATTEMPTS = 5;
