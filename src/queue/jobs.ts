import * as z from 'zod';

/** Queue names; every key is under the configured prefix so deployments and test runs never share keys. */
export const QUEUE_NAMES = { intake: 'intake', outbox: 'outbox' } as const;

/** Payloads are ids: the processor reloads the record from the store. */
export const IntakeJobSchema = z.object({ messageKey: z.string().min(1) });
export type IntakeJob = z.infer<typeof IntakeJobSchema>;

export const OutboxJobSchema = z.object({ outboxId: z.number().int().positive() });
export type OutboxJob = z.infer<typeof OutboxJobSchema>;

export const DEFAULT_ATTEMPTS = 5;
