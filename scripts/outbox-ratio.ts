/**
 * Plays a replay day (datasets/replay-day/day.jsonl by default) and prints what its replies cost the bot's
 * WeChat account: outgoing messages per incoming group message, each message alone (by class), with staff
 * notices joined per person as the outbox joins them (WINDOW_S for notices, ROUTINE_WINDOW_S for routine
 * ones, as OUTBOX_BATCH_WINDOW_S and OUTBOX_ROUTINE_WINDOW_S), and with every staff notice on a staff
 * channel (WeCom). Needs Redis like the replay itself.
 * COMPRESS squeezes the day's times (16: a day of 16 hours played as one busy hour). With BOT_ACCOUNTS=N
 * in the environment the day is played on N accounts (the sandbox deals the groups out among them) and the
 * sends of each are printed.
 *   [BOT_ACCOUNTS=N] npx tsx scripts/outbox-ratio.ts [FILE] [WINDOW_S] [ROUTINE_WINDOW_S] [COMPRESS]
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { toChinaIso } from '../src/clock/china-time.js';
import { isStaffNotice } from '../src/outbox/address.js';
import { runReplay } from '../src/replay/run-replay.js';
import { toSendClass } from '../src/store/record-rows.js';
import type { SendClass } from '../src/tickets/outbox.js';

const source = process.argv[2] ?? 'datasets/replay-day/day.jsonl';
const windowS = Number(process.argv[3] ?? 60);
const routineS = Number(process.argv[4] ?? 600);
const MAX_JOINED = 10;
const compress = Number(process.argv[5] ?? 1);
const out = mkdtempSync(join(tmpdir(), 'outbox-ratio-'));
const file = compress === 1 ? source : compressed(source, compress);

await play(out, { OUTBOX_BATCH_WINDOW_S: '0' });
const db = new Database(join(out, 'shaozi.db'), { readonly: true });
const incoming = (db.prepare('select count(*) as n from messages where room_id is not null').get() as { n: number })
  .n;
type Row = { id: number; to: string | null; room: string | null; send_class: string; created_at: string };
const rows = (db.prepare('select id, "to", room, send_class, created_at from outbox order by id').all() as Row[]).map(
  (r) => ({ ...r, sendClass: toSendClass(r.send_class), created: Date.parse(r.created_at) }),
);
const bySender = db
  .prepare("select coalesce(sent_by, 'unrecorded') as sender, count(*) as n from outbox where sent_at is not null group by 1 order by 1")
  .all() as Array<{ sender: string; n: number }>;
db.close();

const byClass = new Map<string, number>();
for (const r of rows) {
  byClass.set(r.sendClass, (byClass.get(r.sendClass) ?? 0) + 1);
}
const notices = rows.filter(isStaffNotice);
const others = rows.length - notices.length;
const batches = countBatches(notices);
const per = (n: number) => (n / incoming).toFixed(2);
process.stdout.write(
  [
    `${source}${compress === 1 ? '' : ` squeezed ${compress}×`}: ${incoming} incoming group messages, ${rows.length} outbox rows (${[...byClass].map(([c, n]) => `${c} ${n}`).join(', ')})`,
    `WeChat messages per incoming group message:`,
    `  each message alone:                                ${rows.length} → ${per(rows.length)}`,
    `  staff notices joined (${windowS} s, routine ${routineS} s):      ${others + batches} → ${per(others + batches)}`,
    `  staff notices on a staff channel:                  ${others} → ${per(others)}`,
    `  sent by each account, each message alone:          ${bySender.map((r) => `${r.sender} ${r.n} → ${per(r.n)}`).join(', ')}`,
  ].join('\n') + '\n',
);

/**
 * How many messages the private notices make when joined as the outbox joins them: the notice whose window
 * ends first goes then, with every other unsent notice to that person made by then (at most ten in all).
 * (A replay cannot show it: its clock jumps ahead to the end of a window while the later lines wait.)
 */
function countBatches(list: readonly (Row & { sendClass: SendClass; created: number })[]): number {
  const ready = (r: (typeof list)[number]) => r.created + (r.sendClass === 'routine' ? routineS : windowS) * 1000;
  const unsent = [...list].sort((a, b) => ready(a) - ready(b) || a.id - b.id);
  let messages = 0;
  while (unsent.length > 0) {
    const first = unsent.shift() as (typeof list)[number];
    const at = ready(first);
    const joined = unsent.filter((r) => r.to === first.to && r.created <= at).slice(0, MAX_JOINED - 1);
    for (const r of joined) {
      unsent.splice(unsent.indexOf(r), 1);
    }
    messages++;
  }
  return messages;
}

/** Plays the day into `dir` with these settings. */
async function play(dir: string, env: Record<string, string>): Promise<void> {
  const io = { stdout: () => {}, stderr: (l: string) => process.stderr.write(`${l}\n`) };
  const code = await runReplay(
    { file, outDir: dir, env: { ...process.env, OUTBOX_PER_MINUTE: '100000', ...env } },
    io,
  );
  if (code !== 0) {
    process.exit(code);
  }
}

/** The replay with its times squeezed `factor` times closer to its first line (a busy hour out of a day). */
function compressed(path: string, factor: number): string {
  const lines = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { at: string });
  const start = Date.parse(lines[0]?.at ?? '');
  const squeezed = lines.map((l) => {
    const at = new Date(start + (Date.parse(l.at) - start) / factor);
    return JSON.stringify({ ...l, at: toChinaIso(at) });
  });
  const target = join(out, `compressed-${factor}.jsonl`);
  writeFileSync(target, `${squeezed.join('\n')}\n`);
  return target;
}
