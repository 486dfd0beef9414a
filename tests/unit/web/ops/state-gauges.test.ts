import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { RecordCounts } from '../../../../src/tickets/ticket-store.js';
import { type CountedQueue, registerStateGauges } from '../../../../src/web/ops/state-gauges.js';

const NOW = new Date('2026-12-01T09:00:00+08:00');

function counts(overrides: Partial<RecordCounts['outbox']> = {}): RecordCounts {
  return {
    messages: { stored: 5, readWithTicket: 3, readWithoutTicket: 1, unread: 1 },
    ticketsByStatus: { open: 2, accepted: 1, resolved: 0, closed: 0, returned: 0, merged: 0, cancelled: 0 },
    outbox: { unsent: 2, oldestUnsentAt: new Date(NOW.getTime() - 42_500), undeliverable: 0, ...overrides },
  };
}

function queue(name: string, jobCounts: Record<string, number>): CountedQueue & { asked: number } {
  return {
    name,
    asked: 0,
    async getJobCounts() {
      this.asked += 1;
      return jobCounts;
    },
  };
}

async function samples(registry: Registry): Promise<Record<string, number>> {
  const metrics = await registry.getMetricsAsJSON();
  return Object.fromEntries(
    metrics.flatMap((m) =>
      m.values.map((v) => {
        const labels = Object.entries(v.labels).map(([k, l]) => `${k}="${l}"`);
        return [labels.length ? `${m.name}{${labels.join(',')}}` : m.name, v.value];
      }),
    ),
  );
}

describe('registerStateGauges', () => {
  it('reads the store and each queue once per scrape, and counts prioritized jobs as waiting', async () => {
    const registry = new Registry();
    const asked: Date[] = [];
    const outbox = queue('outbox', { waiting: 1, prioritized: 4, active: 1, delayed: 0, failed: 2 });
    registerStateGauges(registry, {
      tickets: {
        countRecords: async ({ unreadBefore }) => {
          asked.push(unreadBefore);
          return counts();
        },
      },
      queues: [outbox],
      now: () => NOW,
      unreadGraceMs: 60_000,
    });

    const values = await samples(registry);

    expect(asked).toEqual([new Date(NOW.getTime() - 60_000)]);
    expect(outbox.asked).toBe(1);
    expect(values).toMatchObject({
      shaozi_messages_stored: 5,
      'shaozi_messages_read{outcome="ticket"}': 3,
      'shaozi_messages_read{outcome="no_ticket"}': 1,
      shaozi_messages_unread: 1,
      'shaozi_tickets{status="open"}': 2,
      shaozi_outbox_unsent: 2,
      shaozi_outbox_delay_seconds: 42.5,
      'shaozi_queue_jobs{queue="outbox",state="waiting"}': 5,
      'shaozi_queue_jobs{queue="outbox",state="failed"}': 2,
      'shaozi_source_up{source="store"}': 1,
      'shaozi_source_up{source="redis"}': 1,
    });
  });

  it('leaves a hung or failing source without figures and reports it down, within the timeout', async () => {
    const registry = new Registry();
    registerStateGauges(registry, {
      tickets: { countRecords: () => new Promise<RecordCounts>(() => undefined) },
      queues: [
        {
          name: 'intake',
          getJobCounts: async () => {
            throw new Error('Connection is closed.');
          },
        },
      ],
      now: () => NOW,
      unreadGraceMs: 0,
      timeoutMs: 50,
    });
    const started = Date.now();

    const values = await samples(registry);

    expect(Date.now() - started).toBeLessThan(1_000);
    expect(values).toEqual({ 'shaozi_source_up{source="store"}': 0, 'shaozi_source_up{source="redis"}': 0 });
  });

  it('reports an outbox delay of 0 when every reply is out, and no queue series without queues', async () => {
    const registry = new Registry();
    registerStateGauges(registry, {
      tickets: { countRecords: async () => counts({ unsent: 0, oldestUnsentAt: null }) },
      now: () => NOW,
      unreadGraceMs: 0,
    });

    const values = await samples(registry);

    expect(values.shaozi_outbox_delay_seconds).toBe(0);
    expect(Object.keys(values).filter((k) => k.startsWith('shaozi_queue_jobs'))).toEqual([]);
    expect(Object.keys(values).filter((k) => k.startsWith('shaozi_source_up'))).toEqual([
      'shaozi_source_up{source="store"}',
    ]);
  });
});
