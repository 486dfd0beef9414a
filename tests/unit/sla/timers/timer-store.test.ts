import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, sha256, stateHash } from '../../../../src/store/hash-chain.js';
import type { KyselyTicketStore } from '../../../../src/store/kysely-ticket-store.js';
import { openKyselyTicketStore } from '../../../../src/store/open-ticket-store.js';
import { toTicketRow } from '../../../../src/store/ticket-rows.js';
import type { OutboxMessage } from '../../../../src/tickets/outbox.js';
import { t, ticket } from './builders.js';

const digest: OutboxMessage = {
  room: '社区治理督办群',
  roomId: null,
  to: null,
  toId: null,
  mentions: [],
  mentionIds: [],
  text: '日报',
};

describe('what the timers ask of the store (SQLite :memory:)', () => {
  let store: KyselyTicketStore;

  beforeEach(async () => {
    store = await openKyselyTicketStore({ sqlitePath: ':memory:' });
    const { number: _n, status: _s, ...fields } = ticket();
    await store.createTicket(fields, {
      messageKey: null,
      event: { at: t('2026-11-30 09:00'), actor: '王阿姨', type: 'created', detail: '' },
      outbox: [],
    });
  });

  afterEach(async () => {
    await store.close();
  });

  it('refuses a change decided on an older event log (expectSeq) and applies one on the current', async () => {
    const event = { at: t('2026-11-30 10:30'), actor: '社区哨子', type: 'reminded', detail: 'x' };

    const stale = await store.change(1, { event, patch: {}, expectSeq: 0 });
    const current = await store.change(1, { event, patch: {}, expectSeq: 1 });
    const again = await store.change(1, { event, patch: {}, expectSeq: 1 });

    expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
    expect(current.ok).toBe(true);
    expect(again).toMatchObject({ ok: false, reason: 'conflict' });
    expect(await store.events(1)).toHaveLength(2);
  });

  it('queues messages under a key once and returns the same ids on a repeat', async () => {
    const first = await store.enqueueMessages([digest, digest], {
      at: t('2026-11-30 18:00'),
      key: 'digest:a',
    });
    const repeat = await store.enqueueMessages([digest], { at: t('2026-11-30 18:01'), key: 'digest:a' });
    const other = await store.enqueueMessages([digest], { at: t('2026-11-30 18:01'), key: 'digest:a:b' });

    expect(first).toHaveLength(2);
    expect(repeat).toEqual(first);
    expect(other).toHaveLength(1);
    expect(await store.getOutbox(other[0] ?? 0)).toMatchObject({
      ticketNumber: null,
      room: '社区治理督办群',
    });
  });

  it('stores deadlinesResumedAt and keeps the audit chain whole with and without it', async () => {
    expect(await store.verifyAudit()).toMatchObject({ ok: true });

    await store.change(1, {
      event: { at: t('2026-11-30 14:00'), actor: '社区哨子', type: 'deadline_extended', detail: 'x' },
      patch: { resolveBy: t('2026-12-01 13:00'), deadlinesResumedAt: t('2026-11-30 14:00') },
    });

    expect(await store.getTicket(1)).toMatchObject({ deadlinesResumedAt: t('2026-11-30 14:00') });
    expect(await store.verifyAudit()).toMatchObject({ ok: true, events: 2 });
  });

  it('hashes a row without a resume time as rows were hashed before migration 0002', () => {
    const { deadlines_resumed_at, co_reporter_ids, ...before0002 } = toTicketRow(ticket());

    expect(deadlines_resumed_at).toBeNull();
    expect(co_reporter_ids).toBeNull();
    expect(stateHash(toTicketRow(ticket()))).toBe(sha256(canonicalJson(before0002)));
    expect(stateHash(toTicketRow(ticket({ deadlinesResumedAt: t('2026-11-30 14:00') })))).not.toBe(
      sha256(canonicalJson(before0002)),
    );
  });
});
