import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.js';
import { maskPersonalData } from '../../../src/privacy/mask.js';
import {
  completion,
  type FakeOpenAIServer,
  startFakeOpenAIServer,
} from '../../helpers/fake-openai-server.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { askEveryMessage, VALID_REPLY } from '../llm/llm-test-setup.js';

type Row = {
  id: string;
  text: string;
  numbers: Array<{ kind: 'phone' | 'id' | 'bank'; written: string; digits: string }>;
  keep?: string[];
};

/**
 * 326 messages written by an independent helper (tests/fixtures/privacy): 283 phone, ID and bank card
 * numbers in every form residents use (spaced, dotted, full-width, Chinese numerals, +86, across line
 * breaks), and 74 messages whose numbers must stay (rooms, dates, prices, hotlines, the office's number).
 */
const rows: Row[] = readFileSync('tests/fixtures/privacy/personal-numbers.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);

const NUMERALS: Record<string, string> = {
  零: '0',
  〇: '0',
  一: '1',
  幺: '1',
  壹: '1',
  二: '2',
  两: '2',
  贰: '2',
  三: '3',
  叁: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};
/** The text as a reader could recover numbers from it: numerals as digits, separators gone. */
const readable = (text: string) =>
  text
    .replace(/[０-９Ｘｘ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[零〇一幺壹二两贰三叁四肆五伍六陆七柒八捌九玖]/g, (c) => NUMERALS[c] ?? c)
    .replace(/[\s\u3000\-－–—.．/／,，、·_()（）+＋]/g, '')
    .toUpperCase();
const leaks = (outlet: string, row: Row) =>
  row.numbers.filter((n) => outlet.includes(n.written) || readable(outlet).includes(n.digits.toUpperCase()));

describe('personal numbers never leave unmasked', () => {
  it('the mask finds every number of the corpus and keeps every public or harmless one', () => {
    const office = new Set(['057186521001']);
    const found = rows.flatMap((r) =>
      leaks(maskPersonalData(r.text, office), r).map((n) => `${r.id} ${n.written}`),
    );
    const broken = rows.flatMap((r) =>
      (r.keep ?? []).filter((k) => !maskPersonalData(r.text, office).includes(k)).map((k) => `${r.id} ${k}`),
    );
    const numbers = rows.reduce((sum, r) => sum + r.numbers.length, 0);
    process.stdout.write(
      `personal numbers: ${numbers} in ${rows.length} messages, ${found.length} left readable, ${broken.length} harmless numbers broken\n`,
    );
    expect(found).toEqual([]);
    expect(broken).toEqual([]);
  });

  describe('through the whole bot, on every outlet', () => {
    let app: TestApp | undefined;
    let server: FakeOpenAIServer | undefined;
    afterEach(async () => {
      await app?.stop();
      await server?.close();
    });

    it('group replies, staff notices, the full text for staff, LLM requests and log lines', async () => {
      server = await startFakeOpenAIServer();
      // a model that echoes what it was sent into its reason, as a careless one might
      const categories = [
        'elevator',
        'water_supply',
        'building_repair',
        'power',
        'sanitation',
        'noise',
        'parking',
        'greenery',
      ] as const;
      // the category follows the text, not the order of the requests, so the tickets do not depend on which
      // of the burst's messages the pipeline reads first
      const hash = (text: string) =>
        [...text].reduce((h, ch) => (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0, 7);
      server.route = (body) => {
        const user = body.messages.at(-1)?.content ?? '';
        const category = categories[hash(user) % categories.length];
        return completion({
          ...VALID_REPLY,
          category,
          location: { building: null, unit: null, room: null },
          reason: user.slice(0, 28),
        });
      };
      const lines: string[] = [];
      const logger = createLogger('info', { write: (line: string) => lines.push(line) });
      app = await startTestApp({
        logger,
        env: {
          ...askEveryMessage(server.baseURL),
          ...{ OUTBOX_PER_MINUTE: '100000', AGGREGATION_WINDOW_S: '0' },
        },
      });
      // every third message with numbers (every kind and form of writing is among them): the mask's own test
      // above reads them all; this one checks that every outlet goes through it
      const withNumbers = rows.filter((r) => r.numbers.length > 0).filter((_, i) => i % 3 === 0);
      withNumbers.forEach((r, i) => {
        app?.world.say({ room: '幸福里一区业主群', from: `住户${i}`, text: `${(i % 12) + 1}号楼${r.text}` });
      });
      await app.settle(120_000);
      const tickets = await app.tickets.listTickets();
      for (const t of tickets.slice(0, 30)) {
        app.world.say({ room: null, from: '张伟', text: `查询 ${t.number}` });
      }
      await app.settle(60_000);

      const outlets = [
        ...app.sent.map((m) => ({ where: `sent to ${m.to ?? m.room}`, text: m.text })),
        ...server.requests.map((r) => ({ where: 'LLM request', text: JSON.stringify(r.body) })),
        ...lines.map((l) => ({ where: 'log', text: l })),
      ];
      const leaked = outlets.flatMap((o) =>
        withNumbers.flatMap((r) => leaks(o.text, r).map((n) => `${o.where}: ${n.kind} ${n.written}`)),
      );
      process.stdout.write(
        `outlets: ${withNumbers.length} messages with numbers, ${tickets.length} tickets, ${app.sent.length} messages sent, ${server.requests.length} LLM requests, ${lines.length} log lines; ${leaked.length} numbers readable\n`,
      );
      expect(new Set(withNumbers.flatMap((r) => r.numbers.map((n) => n.kind)))).toEqual(
        new Set(['phone', 'id', 'bank']),
      );
      // enough tickets for the thirty 查询 above (a supply told from several buildings is one ticket)
      expect(tickets.length).toBeGreaterThanOrEqual(30);
      expect(server.requests.length).toBeGreaterThan(50);
      expect(app.sent.filter((m) => m.room === null).length).toBeGreaterThan(30);
      expect(leaked).toEqual([]);
    }, 180_000);
  });
});
