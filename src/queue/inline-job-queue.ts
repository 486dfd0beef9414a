import type { JobQueue } from './job-queue.js';
import type { IntakeJob, OutboxJob } from './jobs.js';

/** What an inline queue runs its jobs with. */
export type InlineProcessors = {
  intake(job: IntakeJob): Promise<void>;
  outbox(job: OutboxJob): Promise<void>;
};

/**
 * A queue without Redis for one process that runs its jobs itself, in order, when asked (`waitIdle`): the
 * emergency lane first, then the ordinary intake in arrival order, then the outbox. It keeps BullMQ's
 * promise that one message is one job while it waits. For logic tests of intake and commands, which need the
 * processors' work and not the transport; a job that throws stops the drain with its error, so a fault is
 * never hidden (the fault tests run on the real queue).
 */
export class InlineJobQueue implements JobQueue {
  private readonly urgent: string[] = [];
  private readonly intake: string[] = [];
  private readonly outbox: number[] = [];
  private processors: InlineProcessors | undefined;
  private draining: Promise<void> | undefined;

  /** Gives the queue its processors (they are built after the queue they enqueue on). */
  attach(processors: InlineProcessors): void {
    this.processors = processors;
  }

  async enqueueIntake(messageKey: string, options: { urgent?: boolean } = {}): Promise<void> {
    if (this.urgent.includes(messageKey) || this.intake.includes(messageKey)) {
      return;
    }
    (options.urgent ? this.urgent : this.intake).push(messageKey);
  }

  async enqueueOutbox(outboxIds: readonly number[]): Promise<void> {
    for (const id of outboxIds) {
      if (!this.outbox.includes(id)) {
        this.outbox.push(id);
      }
    }
  }

  async requeueIntake(messageKeys: readonly string[]): Promise<string[]> {
    const queued: string[] = [];
    for (const key of messageKeys) {
      if (!this.urgent.includes(key) && !this.intake.includes(key)) {
        this.intake.push(key);
        queued.push(key);
      }
    }
    return queued;
  }

  async outboxBacklog(): Promise<number> {
    return this.outbox.length;
  }

  /** Runs every job queued, and every job those queue, until none is left. */
  async waitIdle(): Promise<void> {
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
    await this.draining;
  }

  async close(): Promise<void> {
    await this.draining?.catch(() => undefined);
  }

  private async drain(): Promise<void> {
    const processors = this.processors;
    if (!processors) {
      throw new Error('the inline queue has no processors');
    }
    for (;;) {
      const key = this.urgent[0] ?? this.intake[0];
      if (key !== undefined) {
        await processors.intake({ messageKey: key });
        // taken off only once read: a key queued again while it was read stays one job
        const lane = this.urgent[0] === key ? this.urgent : this.intake;
        lane.splice(lane.indexOf(key), 1);
        continue;
      }
      const id = this.outbox[0];
      if (id !== undefined) {
        await processors.outbox({ outboxId: id });
        this.outbox.splice(this.outbox.indexOf(id), 1);
        continue;
      }
      return;
    }
  }
}
