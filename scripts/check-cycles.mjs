// Fails when src/ has an import cycle between files or between top-level folders, or when a domain
// folder imports an infrastructure package (the domain depends on ports; adapters live elsewhere).
// Uses madge for the file graph, then folds it onto folders (src/<folder>/...).
import { readFileSync } from 'node:fs';
import madge from 'madge';

const DOMAIN = ['tickets', 'routing', 'sla', 'classify', 'commands', 'intake', 'stats', 'knowledge'];
const INFRASTRUCTURE =
  /^(wechaty|wechaty-puppet[\w-]*|bullmq|ioredis|openai|kysely|better-sqlite3|pg|hono|@hono\/[\w-]+|@bull-board\/[\w-]+|prom-client|exceljs|echarts|playwright-core)(\/.*)?$/;

const graph = await madge('src', {
  fileExtensions: ['ts'],
  detectiveOptions: { ts: { skipTypeImports: false } },
});
const problems = graph.circular().map((cycle) => `file cycle: ${cycle.join(' -> ')}`);
for (const file of Object.keys(graph.obj())) {
  if (!DOMAIN.includes(file.split('/')[0])) continue;
  const source = readFileSync(`src/${file}`, 'utf8');
  for (const [, name] of source.matchAll(/from '([^'.][^']*)'/g)) {
    if (INFRASTRUCTURE.test(name)) problems.push(`domain file imports infrastructure: ${file} -> ${name}`);
  }
}

const folderOf = (file) => (file.includes('/') ? file.split('/')[0] : '.');
const edges = new Map();
for (const [from, tos] of Object.entries(graph.obj())) {
  for (const to of tos) {
    const a = folderOf(from);
    const b = folderOf(to);
    if (a === b || a === '.' || b === '.') continue;
    if (!edges.has(a)) edges.set(a, new Map());
    if (!edges.get(a).has(b)) edges.get(a).set(b, `${from} -> ${to}`);
  }
}
// Strongly connected components of the folder graph (Tarjan): any component of two or more
// folders is a cycle, however long.
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
let next = 0;
function visit(v) {
  index.set(v, next);
  low.set(v, next);
  next += 1;
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!index.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) {
      low.set(v, Math.min(low.get(v), index.get(w)));
    }
  }
  if (low.get(v) === index.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) {
      const inside = new Set(component);
      const examples = component.flatMap((a) =>
        [...(edges.get(a) ?? [])].filter(([b]) => inside.has(b)).map(([, example]) => example),
      );
      problems.push(`folder cycle: ${component.join(', ')} (${examples.join('; ')})`);
    }
  }
}
for (const folder of edges.keys()) if (!index.has(folder)) visit(folder);
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`no import cycles (${Object.keys(graph.obj()).length} files, ${edges.size} folders)`);
