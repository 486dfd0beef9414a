import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAnchor, readAnchors } from '../../../src/store/audit-anchors.js';
import { eventHash } from '../../../src/store/hash-chain.js';
import type { KyselyTicketStore } from '../../../src/store/kysely-ticket-store.js';
import { openKyselyTicketStore } from '../../../src/store/open-ticket-store.js';
import type { AuditAnchor } from '../../../src/tickets/ticket-store.js';
import { create, noteEvent, reply, seenMessage } from '../../contract/ticket-store.contract.js';

const KEY = `${'k'.repeat(24)}test-audit-key-0123456789`;

/**
 * What a database writer without the key can do, done the way such a writer would: change rows, then
 * recompute every SHA-256 of the chain and the head so that the plain chain verifies again.
 */
async function rechain(store: KyselyTicketStore): Promise<void> {
  const events = await store.db.selectFrom('ticket_events').selectAll().orderBy('id').execute();
  let prev = '';
  for (const e of events) {
    const hash = eventHash(prev, e);
    await store.db
      .updateTable('ticket_events')
      .set({ prev_hash: prev, hash })
      .where('id', '=', e.id)
      .execute();
    prev = hash;
  }
  const last = events.at(-1);
  await store.db
    .updateTable('audit_head')
    .set({
      event_id: last?.id ?? 0,
      hash: prev,
      ticket_number: last?.ticket_number ?? null,
      seq: last?.seq ?? null,
    })
    .where('id', '=', 1)
    .execute();
}

describe('a chain that a database writer cannot forge', () => {
  let dir: string;
  let store: KyselyTicketStore;
  let anchorsFile: string;
  const verify = () => store.verifyAudit({ anchors: readAnchors(anchorsFile) });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shaozi-seal-'));
    anchorsFile = join(dir, 'audit-anchors.jsonl');
    store = await openKyselyTicketStore({ sqlitePath: join(dir, 'shaozi.db'), auditKey: KEY });
    await store.recordMessage(seenMessage());
    await store.settleMessage('msg-1', { ticketNumber: null, intent: 'chatter', handledAt: new Date() }, [
      reply('好的'),
    ]);
    await create(store);
    await store.change(1, { event: noteEvent('接单'), patch: { status: 'accepted' } });
    await create(store);
    appendAnchor(anchorsFile, await store.auditHead(), new Date());
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies what the bot wrote with its key', async () => {
    expect(await verify()).toEqual({ ok: true, tickets: 2, events: 3 });
  });

  it('detects an event edited and the chain recomputed', async () => {
    await store.db
      .updateTable('ticket_events')
      .set({ detail: '已办结' })
      .where('ticket_number', '=', 1)
      .where('seq', '=', 2)
      .execute();
    await rechain(store);
    expect(await verify()).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not signed by the audit key/),
    });
  });

  it('detects a forged 满意 appended with a valid hash', async () => {
    const last = await store.db
      .selectFrom('ticket_events')
      .selectAll()
      .where('ticket_number', '=', 1)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const head = await store.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    await store.db
      .insertInto('ticket_events')
      .values({
        ...last,
        id: head.event_id + 1,
        seq: last.seq + 1,
        type: 'confirmed',
        detail: '满意',
        actor: '王阿姨',
      })
      .execute();
    await rechain(store);
    expect(await verify()).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not signed by the audit key/),
    });
  });

  it('detects a whole ticket deleted and the chain rebuilt without it', async () => {
    await store.db.deleteFrom('ticket_events').where('ticket_number', '=', 2).execute();
    await store.db.deleteFrom('outbox').where('ticket_number', '=', 2).execute();
    await store.db.deleteFrom('tickets').where('number', '=', 2).execute();
    await rechain(store);
    const result = await verify();
    expect(result.ok).toBe(false);
  });

  it('detects a rollback to an earlier, validly signed head through the anchors outside the store', async () => {
    const before: AuditAnchor = await store.auditHead();
    const signedHead = await store.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    await store.change(1, { event: noteEvent('进展：已联系维修'), patch: {} });
    appendAnchor(anchorsFile, await store.auditHead(), new Date());
    // roll back: drop the new event, put the old signed head back
    await store.db.deleteFrom('ticket_events').where('id', '>', before.eventId).execute();
    await store.db.updateTable('audit_head').set(signedHead).where('id', '=', 1).execute();
    expect(await store.verifyAudit()).toMatchObject({ ok: true });
    expect(await verify()).toMatchObject({ ok: false, reason: expect.stringMatching(/rolled back/) });
  });

  it('detects a message, its outcome or a queued reply rewritten', async () => {
    await store.db.updateTable('messages').set({ text: '其实没事了' }).where('key', '=', 'msg-1').execute();
    expect(await verify()).toMatchObject({ ok: false, reason: 'message msg-1 altered or unsigned' });
    await store.db
      .updateTable('messages')
      .set({ text: seenMessage().text, intent: 'grievance' })
      .where('key', '=', 'msg-1')
      .execute();
    expect(await verify()).toMatchObject({
      ok: false,
      reason: 'outcome of message msg-1 altered or unsigned',
    });
    await store.db.updateTable('messages').set({ intent: 'chatter' }).where('key', '=', 'msg-1').execute();
    await store.db.updateTable('outbox').set({ text: '请转账到这个账号' }).where('id', '=', 1).execute();
    expect(await verify()).toMatchObject({ ok: false, reason: 'reply 1 altered or unsigned' });
  });

  it('a row stored before the key existed is signed once, then an unsigned row is a forgery', async () => {
    await store.db.updateTable('outbox').set({ mac: null }).execute();
    expect(await verify()).toMatchObject({ ok: false, reason: expect.stringMatching(/unsigned/) });
    expect(await store.signUnsigned()).toBeGreaterThan(0);
    expect(await verify()).toMatchObject({ ok: true });
  });
});
