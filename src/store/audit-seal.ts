import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { canonicalJson } from './hash-chain.js';
import type { AuditHeadRow, MessageRow, OutboxRecord } from './schema/database.js';

/**
 * Signs with a key the database does not hold (HMAC-SHA256), so whoever can write the database cannot
 * rewrite the log, a message or a reply and make it verify again.
 */
export type AuditSeal = { mac(text: string): string };

export function createAuditSeal(key: string): AuditSeal {
  return { mac: (text) => createHmac('sha256', key).update(text, 'utf8').digest('hex') };
}

/** What the chain head's signature covers: the last event's id and hash. */
export const headMacText = (head: Pick<AuditHeadRow, 'event_id' | 'hash'>) =>
  `head:${head.event_id}:${head.hash}`;

/** A message as it arrived (its outcome is signed apart, when it is set). */
export const messageMacText = (m: MessageRow) =>
  canonicalJson({
    ...{ key: m.key, room_id: m.room_id, room: m.room, sender_id: m.sender_id, sender: m.sender },
    ...{
      text: m.text,
      kind: m.kind,
      mentions_bot: m.mentions_bot,
      sent_at: m.sent_at,
      received_at: m.received_at,
    },
  });

/** How a message was handled: which ticket, as what, when. */
export const outcomeMacText = (m: Pick<MessageRow, 'key' | 'ticket_number' | 'intent' | 'handled_at'>) =>
  canonicalJson({ key: m.key, ticket_number: m.ticket_number, intent: m.intent, handled_at: m.handled_at });

/** A reply as it was queued (its delivery state is not signed: it changes as it is sent). */
export const outboxMacText = (r: OutboxRecord) =>
  canonicalJson({
    ...{ id: r.id, room: r.room, room_id: r.room_id, to: r.to, to_id: r.to_id, mentions: r.mentions },
    ...{ mention_ids: r.mention_ids, text: r.text, ticket_number: r.ticket_number, created_at: r.created_at },
    dedupe_key: r.dedupe_key ?? null,
  });

/** The file the audit key is kept in when AUDIT_KEY is not set: beside the data, readable by the bot only. */
export const AUDIT_KEY_FILE = 'audit.key';
/** The append-only file the chain head is anchored in, outside the database. */
export const AUDIT_ANCHORS_FILE = 'audit-anchors.jsonl';

/**
 * The audit key: AUDIT_KEY when set, else the one in DATA_DIR/audit.key, generated there on first start
 * (32 random bytes, mode 0600). An operator keeps it (or sets AUDIT_KEY) where a database writer cannot read it.
 */
export function loadAuditKey(options: { envKey?: string | undefined; dataDir: string }): string {
  if (options.envKey) {
    return options.envKey;
  }
  const file = join(options.dataDir, AUDIT_KEY_FILE);
  if (existsSync(file)) {
    return readFileSync(file, 'utf8').trim();
  }
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
