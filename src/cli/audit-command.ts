import { join } from 'node:path';
import { readAnchors } from '../store/audit-anchors.js';
import { AUDIT_ANCHORS_FILE } from '../store/audit-seal.js';
import { openTicketStore } from '../store/open-ticket-store.js';
import type { AuditResult } from '../tickets/ticket-store.js';
import type { CliIo } from './io.js';
import { type StoreTarget, storeTarget } from './store-target.js';

const USAGE = 'usage: shaozi audit verify [--db FILE]';

/** The store to check: `--db FILE` (SQLite) or the configured one; a string is a usage error. */
function storeOptions(args: string[], env: Record<string, string | undefined>): StoreTarget | string {
  const rest = args[0] === 'verify' ? args.slice(1) : args;
  let dbFile: string | undefined;
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i] ?? '';
    if (arg === '--db' && rest[i + 1] !== undefined) {
      dbFile = rest[i + 1];
      i += 1;
    } else if (arg.startsWith('--db=') && arg.length > 5) {
      dbFile = arg.slice(5);
    } else {
      return `unexpected argument: ${arg}\n${USAGE}`;
    }
  }
  return storeTarget(dbFile, env);
}

/** The one line the command prints for an audit result. */
export function formatAudit(result: AuditResult): string {
  if (result.ok) {
    return `audit ok: ${result.tickets} tickets, ${result.events} events, chain intact`;
  }
  return `audit broken at ticket #${result.ticketNumber}, event ${result.seq}: ${result.reason}`;
}

/** `shaozi audit verify [--db FILE]`: 0 when the chain is intact, 1 when broken, 2 on bad usage or config. */
export async function runAuditVerify(
  args: string[],
  io: CliIo,
  env: Record<string, string | undefined>,
): Promise<number> {
  const options = storeOptions(args, env);
  if (typeof options === 'string') {
    io.stderr(options);
    return 2;
  }
  const store = await openTicketStore(options);
  try {
    const result = await store.verifyAudit({
      anchors: readAnchors(join(options.dataDir, AUDIT_ANCHORS_FILE)),
    });
    io.stdout(formatAudit(result));
    if (result.ok && options.auditKey === undefined) {
      io.stderr('no audit key found (AUDIT_KEY or audit.key beside the data): signatures were not checked');
    }
    return result.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}
