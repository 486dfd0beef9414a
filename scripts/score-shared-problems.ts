/**
 * Plays a day in which residents tell shared problems in their own words (the replay format plus `problem`,
 * an id shared by every line about one real problem, and `kind`) and prints whether the bot kept one ticket
 * per problem: for each problem, the tickets its lines opened and the tickets they went to; problems split
 * over several tickets; tickets that mixed problems; tickets opened by lines about no problem. Needs Redis
 * like the replay itself.
 *   npx tsx scripts/score-shared-problems.ts FILE
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { toChinaIso } from '../src/clock/china-time.js';
import { loadDirectory } from '../src/directory/load-directory.js';
import { runReplay } from '../src/replay/run-replay.js';

type Line = { at: string; room?: string; from?: string; text?: string; kind?: string; problem?: string | null };
const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npx tsx scripts/score-shared-problems.ts FILE\n');
  process.exit(2);
}
const lines: Line[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Line);
const out = mkdtempSync(join(tmpdir(), 'shared-problems-'));
const io = { stdout: () => {}, stderr: (l: string) => process.stderr.write(`${l}\n`) };
const code = await runReplay({ file, outDir: out, env: process.env }, io);
if (code !== 0) {
  process.exit(code);
}
const db = new Database(join(out, 'shaozi.db'), { readonly: true });
type Row = { sender: string; sent_at: string; ticket_number: number | null; intent: string | null };
const messages = db.prepare('select sender, sent_at, ticket_number, intent from messages').all() as Row[];
const tickets = db.prepare('select number, intent, category, location_building as building from tickets').all() as Array<{
  number: number;
  intent: string;
  category: string;
  building: number | null;
}>;
db.close();
const directory = loadDirectory();
// the replay delivers a message within a second of its `at`
const key = (sender: string, at: string) => `${sender}|${toChinaIso(new Date(Math.round(Date.parse(at) / 1000) * 1000))}`;
const byKey = new Map(messages.map((m) => [key(m.sender, m.sent_at), m]));
const OPENING = new Set(['grievance', 'emergency', 'inquiry']);

type Tally = { lines: number; opened: Set<number>; reached: Set<number> };
const problems = new Map<string, Tally>();
const ticketProblems = new Map<number, Set<string>>();
const openedByNone: string[] = [];
for (const line of lines) {
  if (!line.from || directory.isStaff(line.from)) {
    continue;
  }
  const m = byKey.get(key(line.from, line.at));
  const n = m?.ticket_number ?? null;
  const opened = n !== null && OPENING.has(m?.intent ?? '');
  if (!line.problem) {
    if (opened) {
      openedByNone.push(`  ${line.at.slice(11, 19)} ${line.from}: ${(line.text ?? '').replace(/\n/g, ' ⏎ ').slice(0, 50)} → #${n} (${m?.intent})`);
    }
    continue;
  }
  const t = problems.get(line.problem) ?? { lines: 0, opened: new Set<number>(), reached: new Set<number>() };
  t.lines++;
  if (n !== null) {
    t.reached.add(n);
    (ticketProblems.get(n) ?? ticketProblems.set(n, new Set()).get(n))?.add(line.problem);
    if (opened) {
      t.opened.add(n);
    }
  }
  problems.set(line.problem, t);
}
const describe = (n: number) => {
  const t = tickets.find((x) => x.number === n);
  return t ? `#${n} ${t.intent}/${t.category}${t.building ? ` ${t.building}号楼` : ''}` : `#${n}`;
};
console.log(`${file}: ${lines.length} lines, ${tickets.length} tickets, ${problems.size} problems`);
console.log('problem  lines  tickets opened  tickets reached');
let split = 0;
let missed = 0;
for (const [id, t] of [...problems].sort((a, b) => Number(a[0].slice(1)) - Number(b[0].slice(1)))) {
  split += t.opened.size > 1 ? 1 : 0;
  missed += t.reached.size === 0 ? 1 : 0;
  console.log(`${id.padEnd(8)} ${String(t.lines).padStart(5)}  ${String(t.opened.size).padStart(14)}  ${[...t.reached].map(describe).join(', ') || '—'}`);
}
const mixed = [...ticketProblems].filter(([, ps]) => ps.size > 1);
const openedForProblems = [...problems.values()].reduce((a, t) => a + t.opened.size, 0);
console.log(
  `tickets opened for problems: ${openedForProblems} for ${problems.size - missed} problems that reached a ticket (${missed} reached none); problems split over several tickets: ${split}; tickets mixing problems: ${mixed.length}${mixed.length ? ` (${mixed.map(([n, ps]) => `#${n}: ${[...ps].join('+')}`).join('; ')})` : ''}`,
);
console.log(`tickets opened by residents' lines about no problem: ${openedByNone.length}`);
for (const l of openedByNone) console.log(l);
