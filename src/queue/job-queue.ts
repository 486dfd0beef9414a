/** Work handed to the processors; Redis carries work, the store keeps the records. */
export interface JobQueue {
  /**
   * Queues the intake of a recorded message; one message is one job however often it is queued. An
   * `urgent` one (the local classifier reads danger in it) goes to the emergency lane, read at once; the
   * others are read in order with the rest of their conversation (`orderKey`, found from the stored message
   * when not given).
   */
  enqueueIntake(messageKey: string, options?: { urgent?: boolean; orderKey?: string }): Promise<void>;
  /**
   * Queues outbox rows for delivery, each by its send class: emergencies before replies, replies before
   * notices, whatever waits below them.
   */
  enqueueOutbox(outboxIds: readonly number[]): Promise<void>;
  /**
   * Queues the intake of recorded messages that should have been read by now: a job that is missing (Redis
   * lost it) is added again and one that failed for good is retried; one waiting or running is left alone.
   * Returns the keys queued again.
   */
  requeueIntake(messageKeys: readonly string[]): Promise<string[]>;
  /** Jobs of the outbox queue waiting, delayed or running. */
  outboxBacklog(): Promise<number>;
  /** Resolves when no job is waiting, delayed or running (replay and tests). */
  waitIdle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}
