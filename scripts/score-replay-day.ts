/**
 * Plays a labelled replay day (datasets/replay-day/day.jsonl: the replay format plus `kind` per line)
 * through `shaozi replay` and prints what became of each kind: how many lines made a ticket, joined one,
 * or reached a staff member, and, for chatter, which ones. Staff's own lines (by the directory's names) are a
 * row of their own, whatever their kind. Needs Redis like the replay itself.
 *   npx tsx scripts/score-replay-day.ts [FILE]
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadDirectory } from '../src/directory/load-directory.js';
import { runReplay } from '../src/replay/run-replay.js';
import { toChinaIso } from '../src/clock/china-time.js';

type Line = { at: string; room?: string; from?: string; text?: string; kind?: string; image?: string };
const file = process.argv[2] ?? 'datasets/replay-day/day.jsonl';
const lines: Line[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Line);
const out = mkdtempSync(join(tmpdir(), 'replay-day-'));
const io = { stdout: () => {}, stderr: (l: string) => process.stderr.write(`${l}\n`) };
const code = await runReplay({ file, outDir: out, env: process.env }, io);
if (code !== 0) {
  process.exit(code);
}
const db = new Database(join(out, 'shaozi.db'), { readonly: true });
const messages = db.prepare('select sender, sent_at, text, ticket_number, intent from messages').all() as Array<{
  sender: string;
  sent_at: string;
  text: string;
  ticket_number: number | null;
  intent: string | null;
}>;
const outbox = db.prepare('select "to", room, text from outbox').all() as Array<{
  to: string | null;
  room: string | null;
  text: string;
}>;
const directory = loadDirectory();
// the replay delivers a message within a second of its `at`
const key = (sender: string, at: string) =>
  `${sender}|${toChinaIso(new Date(Math.round(Date.parse(at) / 1000) * 1000))}`;
const byKey = new Map(messages.map((m) => [key(m.sender, m.sent_at), m]));
const TICKET_OPENING = new Set(['grievance', 'emergency', 'inquiry']);
const counts = new Map<string, { lines: number; opened: number; joined: number; answered: number; notices: number }>();
const chatterProblems: string[] = [];
for (const line of lines) {
  if (!line.from) {
    continue;
  }
  const m = byKey.get(key(line.from, line.at));
  // staff lines are counted apart: an answer recorded on a resident's ticket is not a resident's chatter joining it
  const kind = directory.isStaff(line.from) ? 'staff' : (line.kind ?? '?');
  const c = counts.get(kind) ?? { lines: 0, opened: 0, joined: 0, answered: 0, notices: 0 };
  c.lines++;
  const opened = m?.ticket_number != null && TICKET_OPENING.has(m.intent ?? '');
  const joined = m?.ticket_number != null && !opened;
  const snippet = (line.text ?? '').replace(/\s+/g, '').slice(-12);
  const notices =
    snippet.length >= 6
      ? outbox.filter((o) => o.to !== null && directory.isStaff(o.to) && o.text.replace(/\s+/g, '').includes(snippet)).length
      : 0;
  if (opened) c.opened++;
  if (joined) c.joined++;
  if (m?.intent?.startsWith('answered')) c.answered++;
  c.notices += notices;
  counts.set(kind, c);
  if (kind === 'chatter' && (opened || joined || notices > 0)) {
    chatterProblems.push(
      `  ${line.at.slice(11, 19)} ${line.room ?? '(private)'} ${line.from}: ${(line.text ?? line.image ?? '').replace(/\n/g, ' ⏎ ').slice(0, 60)} → ${m?.intent ?? '?'}${m?.ticket_number ? ` #${m.ticket_number}` : ''}${notices ? `, ${notices} staff notices` : ''}`,
    );
  }
}
const tickets = db.prepare('select count(*) as n from tickets').get() as { n: number };
console.log(`${file}: ${lines.length} lines, ${tickets.n} tickets, ${outbox.length} messages sent`);
console.log('kind              lines  opened  joined  answered  staff-notices');
for (const [kind, c] of [...counts].sort((a, b) => b[1].lines - a[1].lines)) {
  console.log(
    `${kind.padEnd(16)} ${String(c.lines).padStart(6)} ${String(c.opened).padStart(7)} ${String(c.joined).padStart(7)} ${String(c.answered).padStart(9)} ${String(c.notices).padStart(14)}`,
  );
}
console.log(`chatter that made, joined or reached staff: ${chatterProblems.length}`);
for (const p of chatterProblems) {
  console.log(p);
}

// residents' questions and who answered them: the bot from the knowledge base, or staff in the group (an @ of the
// asker within three hours), else nobody the replay shows
const STAFF_ANSWER_WINDOW_MS = 3 * 3_600_000;
let byBot = 0;
let byStaff = 0;
let neither = 0;
for (const [i, line] of lines.entries()) {
  if (line.kind !== 'inquiry' || !line.from || directory.isStaff(line.from)) {
    continue;
  }
  const asker = line.from;
  const m = byKey.get(key(asker, line.at));
  if (m?.intent?.startsWith('answered')) {
    byBot++;
    continue;
  }
  const until = Date.parse(line.at) + STAFF_ANSWER_WINDOW_MS;
  const answered = lines
    .slice(i + 1)
    .some(
      (l) =>
        Date.parse(l.at) <= until &&
        l.room === line.room &&
        l.from !== undefined &&
        directory.isStaff(l.from) &&
        /^[@＠]/.test(l.text ?? '') &&
        (l.text ?? '').slice(1).startsWith(asker),
    );
  if (answered) {
    byStaff++;
  } else {
    neither++;
  }
}
console.log(
  `residents' questions: ${byBot + byStaff + neither}; answered by the bot ${byBot}, by staff in the group ${byStaff}, by neither ${neither}`,
);
