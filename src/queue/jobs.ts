import * as z from 'zod';

/** Queue names; every key is under the configured prefix so deployments and test runs never share keys. */
export const QUEUE_NAMES = {
  intake: 'intake',
  /** The emergency lane: messages the local classifier reads as an emergency or an emergency check. */
  intakeUrgent: 'intake-urgent',
  outbox: 'outbox',
  timers: 'timers',
} as const;

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
