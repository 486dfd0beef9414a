import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditAnchor } from '../tickets/ticket-store.js';

/**
 * The chain head written now and then to an append-only file outside the database: a database writer who
 * rolls the log back to an earlier, validly signed state still cannot make an anchored event disappear.
 */
export function appendAnchor(file: string, anchor: AuditAnchor, at: Date): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(
    file,
    `${JSON.stringify({ at: at.toISOString(), event_id: anchor.eventId, hash: anchor.hash })}\n`,
  );
}

/** Every anchor in the file (none when there is no file); a line that does not parse is an error. */
export function readAnchors(file: string): AuditAnchor[] {
  if (!existsSync(file)) {
    return [];
  }
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const row = JSON.parse(line) as { event_id?: unknown; hash?: unknown };
      if (typeof row.event_id !== 'number' || typeof row.hash !== 'string') {
        throw new Error(`${file}:${i + 1}: not an audit anchor`);
      }
      return { eventId: row.event_id, hash: row.hash };
    });
}
