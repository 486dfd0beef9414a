import type { Ticket } from '../tickets/ticket.js';
import type { SeenMessage } from '../tickets/ticket-store.js';
import { type CommandDeps, DEFAULT_COMMAND_SETTINGS, privateTo } from './handlers/context.js';
import { workReplies } from './replies.js';

export type PhotoEvidenceDeps = Pick<CommandDeps, 'tickets' | 'queue' | 'clock' | 'logger' | 'settings'>;

/**
 * A photo a handler sends right after 办结 (within `photoWindowMs` of their text evidence, on the clock)
 * attaches to that ticket as photo evidence (`evidence_added`), and the message is settled. Returns false
 * for any other image, so intake goes on with it.
 */
export async function attachPhotoEvidence(deps: PhotoEvidenceDeps, message: SeenMessage): Promise<boolean> {
  if (message.kind !== 'image') {
    return false;
  }
  const windowMs = deps.settings?.photoWindowMs ?? DEFAULT_COMMAND_SETTINGS.photoWindowMs;
  const since = message.receivedAt.getTime() - windowMs;
  const resolved = await deps.tickets.listTickets({ statuses: ['resolved'] });
  const target = resolved
    .map((t) => ({ t, at: lastTextEvidenceBy(t, message.sender) }))
    .filter((c) => c.at !== null && c.at >= since)
    .sort((a, b) => (b.at ?? 0) - (a.at ?? 0))[0]?.t;
  if (!target) {
    return false;
  }
  const now = deps.clock.now();
  const change = await deps.tickets.change(target.number, {
    event: { at: now, actor: message.sender, type: 'evidence_added', detail: `photo ${message.text}` },
    patch: {
      evidence: [...target.evidence, { kind: 'photo', ref: message.text, at: now, by: message.sender }],
    },
    expectStatus: ['resolved'],
    outbox: [privateTo(message.sender, workReplies.photoAttached(target.number), message.senderId)],
    // settled in the same transaction: a redelivered photo is not attached twice
    settles: { messageKey: message.key, intent: 'evidence' },
  });
  if (!change.ok) {
    return false;
  }
  await deps.queue.enqueueOutbox(change.outboxIds);
  deps.logger.info(
    { event: 'command.photo.attached', messageKey: message.key, ticket: target.number },
    'photo evidence',
  );
  return true;
}

function lastTextEvidenceBy(t: Ticket, sender: string): number | null {
  const times = t.evidence.filter((e) => e.kind === 'text' && e.by === sender).map((e) => e.at.getTime());
  return times.length > 0 ? Math.max(...times) : null;
}
