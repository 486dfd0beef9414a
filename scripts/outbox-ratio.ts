/**
 * Plays a replay day (datasets/replay-day/day.jsonl by default) and prints what its replies cost the bot's
 * WeChat account: outgoing messages per incoming group message by class, each staff notice alone, with the
 * notices of one person and window joined (OUTBOX_BATCH_WINDOW_S, the outbox's rule: the oldest unsent
 * notice and the next ones within the window, at most 10), and with every staff notice on a staff channel
 * (WeCom). Needs Redis like the replay itself.
 * COMPRESS squeezes the day's times (16: a day of 16 hours played as one busy hour).
 *   npx tsx scripts/outbox-ratio.ts [FILE] [WINDOW_S] [COMPRESS]
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { toChinaIso } from '../src/clock/china-time.js';
import { runReplay } from '../src/replay/run-replay.js';

const source = process.argv[2] ?? 'datasets/replay-day/day.jsonl';
const windowMs = Number(process.argv[3] ?? 60) * 1000;
const compress = Number(process.argv[4] ?? 1);
const MAX_JOINED = 10;
const out = mkdtempSync(join(tmpdir(), 'outbox-ratio-'));
const file = compress === 1 ? source : compressed(source, compress);
const io = { stdout: () => {}, stderr: (l: string) => process.stderr.write(`${l}\n`) };
const code = await runReplay({ file, outDir: out, env: { ...process.env, OUTBOX_PER_MINUTE: '100000' } }, io);
if (code !== 0) {
  process.exit(code);
}
const db = new Database(join(out, 'shaozi.db'), { readonly: true });
const incoming = (db.prepare('select count(*) as n from messages where room_id is not null').get() as { n: number })
  .n;
type Row = { id: number; to: string | null; room: string | null; send_class: string; created_at: string };
const rows = db.prepare('select id, "to", room, send_class, created_at from outbox order by id').all() as Row[];
db.close();

const isNotice = (r: Row) => r.send_class === 'notice' && r.room === null && r.to !== null;
const byClass = new Map<string, number>();
for (const r of rows) {
  byClass.set(r.send_class, (byClass.get(r.send_class) ?? 0) + 1);
}
const notices = rows.filter(isNotice);
const batches = countBatches(notices);
const others = rows.length - notices.length;
const per = (n: number) => (n / incoming).toFixed(2);
process.stdout.write(
  [
    `${source}${compress === 1 ? '' : ` squeezed ${compress}×`}: ${incoming} incoming group messages, ${rows.length} outbox rows (${[...byClass].map(([c, n]) => `${c} ${n}`).join(', ')})`,
    `WeChat messages per incoming group message:`,
    `  each notice alone:                ${rows.length} → ${per(rows.length)}`,
    `  notices joined per ${windowMs / 1000} s window:   ${others + batches} → ${per(others + batches)}`,
    `  notices on a staff channel:       ${others} → ${per(others)}`,
  ].join('\n') + '\n',
);

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

/** How many messages the private notices make when joined per person and window, as the outbox joins them. */
function countBatches(list: readonly Row[]): number {
  const sent = new Set<number>();
  let messages = 0;
  for (const first of list) {
    if (sent.has(first.id)) {
      continue;
    }
    const until = Date.parse(first.created_at) + windowMs;
    const joined = list
      .filter((r) => r.id > first.id && r.to === first.to && !sent.has(r.id) && Date.parse(r.created_at) <= until)
      .slice(0, MAX_JOINED - 1);
    for (const r of [first, ...joined]) {
      sent.add(r.id);
    }
    messages++;
  }
  return messages;
}
