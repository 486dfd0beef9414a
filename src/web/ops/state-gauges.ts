import { Gauge, type Registry } from 'prom-client';
import type { RecordCounts, TicketStore } from '../../tickets/ticket-store.js';
import { bounded } from '../bounded.js';

/** The part of a BullMQ queue the gauges read (a bullmq `Queue` fits). */
export type CountedQueue = {
  readonly name: string;
  getJobCounts(...types: string[]): Promise<Record<string, number>>;
};

export type StateSources = {
  tickets: Pick<TicketStore, 'countRecords'>;
  /** The queues to report; absent where the process has no Redis (`shaozi web`). */
  queues?: readonly CountedQueue[];
  now(): Date;
  /** How long a message may stay unread before it counts as unread (RECOVERY_GRACE_S). */
  unreadGraceMs: number;
  /** Longest a source may take at a scrape before it is reported down (default 2 s). */
  timeoutMs?: number;
};

type QueueDepths = Array<{ queue: string; counts: Record<string, number> }>;

/** The states reported per queue; `waiting` includes prioritized jobs (every outbox job has a priority). */
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/**
 * Gauges read from the store and the queues at each scrape, so the figures are what is there, not what
 * one process happened to see. Each source is read once per scrape, within the timeout; a source that
 * fails or hangs leaves its gauges without a value and reports 0 in `shaozi_source_up`.
 */
export function registerStateGauges(registry: Registry, sources: StateSources): void {
  const timeoutMs = sources.timeoutMs ?? 2_000;
  const store = oncePerScrape(() =>
    bounded(
      sources.tickets.countRecords({
        unreadBefore: new Date(sources.now().getTime() - sources.unreadGraceMs),
      }),
      timeoutMs,
    ),
  );
  const queues = oncePerScrape(() => bounded(queueDepths(sources.queues ?? []), timeoutMs));
  const fromStore = (set: (gauge: Gauge, counts: RecordCounts) => void) => async (gauge: Gauge) => {
    const read = await store();
    if (read.ok) {
      set(gauge, read.value);
    }
  };
  const gauge = gaugeIn(registry);
  gauge(
    'shaozi_messages_stored',
    'Messages the bot has stored (seen in its rooms and private chats).',
    [],
  )(fromStore((g, c) => g.set(c.messages.stored)));
  gauge(
    'shaozi_messages_read',
    'Stored messages read, by outcome: about a ticket (made, joined or changed one) or about none.',
    ['outcome'],
  )(
    fromStore((g, c) => {
      g.set({ outcome: 'ticket' }, c.messages.readWithTicket);
      g.set({ outcome: 'no_ticket' }, c.messages.readWithoutTicket);
    }),
  );
  gauge(
    'shaozi_messages_unread',
    'Stored messages still unread past the recovery grace period (RECOVERY_GRACE_S); should stay 0.',
    [],
  )(fromStore((g, c) => g.set(c.messages.unread)));
  gauge('shaozi_tickets', 'Tickets opened so far, by their status now.', ['status'])(
    fromStore((g, c) => {
      for (const [status, n] of Object.entries(c.ticketsByStatus)) {
        g.set({ status }, n);
      }
    }),
  );
  gauge(
    'shaozi_outbox_unsent',
    'Replies queued in the store and not sent yet.',
    [],
  )(fromStore((g, c) => g.set(c.outbox.unsent)));
  gauge(
    'shaozi_outbox_delay_seconds',
    'Age of the oldest reply not sent yet; 0 when all are out.',
    [],
  )(
    fromStore((g, c) => {
      const oldest = c.outbox.oldestUnsentAt;
      g.set(oldest ? Math.max(0, (sources.now().getTime() - oldest.getTime()) / 1000) : 0);
    }),
  );
  gauge(
    'shaozi_outbox_undeliverable',
    'Replies given up as undeliverable (no such room or contact).',
    [],
  )(fromStore((g, c) => g.set(c.outbox.undeliverable)));
  if (sources.queues) {
    gauge('shaozi_queue_jobs', 'BullMQ jobs per queue and state (waiting includes prioritized jobs).', [
      'queue',
      'state',
    ])(async (g) => {
      const read = await queues();
      for (const { queue, counts } of read.ok ? read.value : []) {
        g.set({ queue, state: 'waiting' }, (counts.waiting ?? 0) + (counts.prioritized ?? 0));
        for (const state of QUEUE_STATES.slice(1)) {
          g.set({ queue, state }, counts[state] ?? 0);
        }
      }
    });
  }
  gauge('shaozi_source_up', 'Whether a source answered this scrape in time (1) or not (0).', ['source'])(
    async (g) => {
      const [stored, queued] = await Promise.all([store(), queues()]);
      g.set({ source: 'store' }, stored.ok ? 1 : 0);
      if (sources.queues) {
        g.set({ source: 'redis' }, queued.ok ? 1 : 0);
      }
    },
  );
}

/** Declares a gauge whose value is set afresh by `fill` at each scrape (no stale value survives). */
function gaugeIn(registry: Registry) {
  return (name: string, help: string, labelNames: string[]) => (fill: (gauge: Gauge) => Promise<void>) => {
    const gauge: Gauge = new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      collect: async () => {
        gauge.reset();
        // a label-less gauge would otherwise report 0 when its source is down
        gauge.remove({});
        await fill(gauge);
      },
    });
  };
}

async function queueDepths(queues: readonly CountedQueue[]): Promise<QueueDepths> {
  return Promise.all(
    queues.map(async (q) => ({
      queue: q.name,
      counts: await q.getJobCounts('waiting', 'prioritized', ...QUEUE_STATES.slice(1)),
    })),
  );
}

/** Shares one read among the gauges of a scrape: they all collect at once, and the read ends after. */
function oncePerScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () => {
    running ??= read().finally(() => {
      running = undefined;
    });
    return running;
  };
}
