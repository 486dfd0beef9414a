import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeWeb } from '../../../src/compose.js';
import { parseConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import {
  completion,
  type FakeOpenAIServer,
  httpError,
  startFakeOpenAIServer,
} from '../../helpers/fake-openai-server.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';
import { askEveryMessage, VALID_REPLY } from '../llm/llm-test-setup.js';

// the ordinary intake lane in two partitions here
const QUEUES = ['intake-p0', 'intake-p1', 'intake-urgent', 'outbox', 'timers'];
const STATES = ['waiting', 'active', 'delayed', 'failed'];
// a sample line: name, optional {labels}, one value
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*\})? (\S+)$/;
const COMMENT = /^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) .+$/;

type Scrape = { samples: Map<string, number>; help: Set<string>; type: Set<string> };

/** Parses the text format strictly: every line a HELP/TYPE comment or `name{labels} value`. */
function parseExposition(text: string): Scrape {
  const scrape: Scrape = { samples: new Map(), help: new Set(), type: new Set() };
  for (const line of text.split('\n').filter((l) => l !== '')) {
    const comment = COMMENT.exec(line);
    if (comment) {
      (comment[1] === 'HELP' ? scrape.help : scrape.type).add(comment[2] ?? '');
      continue;
    }
    const sample = SAMPLE.exec(line);
    const value = parseValue(sample?.[3] ?? '');
    if (!sample || value === undefined) {
      throw new Error(`not a line of the exposition format: ${line}`);
    }
    scrape.samples.set(`${sample[1]}${sample[2] ?? ''}`, value);
  }
  return scrape;
}

/** A sample value as Prometheus reads it (Go's ParseFloat: NaN and Inf in any case; prom-client writes `Nan`). */
function parseValue(text: string): number | undefined {
  if (/^nan$/i.test(text)) {
    return Number.NaN;
  }
  if (/^[+-]?inf$/i.test(text)) {
    return text.startsWith('-') ? -Infinity : Infinity;
  }
  const value = Number(text);
  return text.trim() === '' || Number.isNaN(value) ? undefined : value;
}

let app: TestApp;
let llm: FakeOpenAIServer;

async function scrape(url = app.web?.url): Promise<Scrape> {
  const response = await fetch(`${url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
  return parseExposition(await response.text());
}

beforeAll(async () => {
  llm = await startFakeOpenAIServer();
  app = await startTestApp({ web: true, env: { ...askEveryMessage(llm.baseURL), INTAKE_PARTITIONS: '2' } });
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await llm?.close();
});

describe('GET /metrics', () => {
  it('reports what the store and the queues hold and the LLM requests, in the exposition format', async () => {
    const before = await scrape();
    // the LLM answers the first report and refuses the second (a 400 is not retried)
    llm.enqueue(completion(VALID_REPLY), httpError(400));

    await app.say({ from: '王阿姨', room: '幸福里一区业主群', text: '3号楼2单元电梯又坏了，老人上不去楼' });
    await app.say({ from: '赵先生', room: '锦苑邻里群', text: '25号楼门口的路灯不亮好几天了，晚上很黑' });
    const after = await scrape();

    expect(before.samples.get('shaozi_messages_stored')).toBe(0);
    expect(before.samples.get('shaozi_tickets{status="open"}')).toBe(0);
    expect(after.samples.get('shaozi_messages_stored')).toBe(2);
    expect(after.samples.get('shaozi_messages_read{outcome="ticket"}')).toBe(2);
    expect(after.samples.get('shaozi_messages_read{outcome="no_ticket"}')).toBe(0);
    expect(after.samples.get('shaozi_messages_unread')).toBe(0);
    const tickets = [...after.samples].filter(([key]) => key.startsWith('shaozi_tickets{'));
    expect(tickets.reduce((sum, [, n]) => sum + n, 0)).toBe(2);
    expect(tickets).toHaveLength(7);
    // every reply went out
    expect(after.samples.get('shaozi_outbox_unsent')).toBe(0);
    expect(after.samples.get('shaozi_outbox_delay_seconds')).toBe(0);
    for (const queue of QUEUES) {
      for (const state of STATES) {
        expect(after.samples.get(`shaozi_queue_jobs{queue="${queue}",state="${state}"}`)).toBeTypeOf(
          'number',
        );
      }
      expect(after.samples.get(`shaozi_queue_jobs{queue="${queue}",state="active"}`)).toBe(0);
    }
    expect(after.samples.get('shaozi_source_up{source="store"}')).toBe(1);
    expect(after.samples.get('shaozi_source_up{source="redis"}')).toBe(1);
    expect(llm.requests).toHaveLength(2);
    expect(before.samples.get('shaozi_llm_requests_total{kind="classify"}')).toBe(0);
    expect(after.samples.get('shaozi_llm_requests_total{kind="classify"}')).toBe(2);
    expect(after.samples.get('shaozi_llm_failures_total{kind="classify",reason="unavailable"}')).toBe(1);
    expect(after.samples.get('shaozi_llm_failures_total{kind="classify",reason="invalid_output"}')).toBe(0);
    expect(after.samples.get('shaozi_llm_requests_total{kind="answer"}')).toBe(0);
    // Node's own process metrics come along
    expect(after.samples.get('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    for (const name of new Set([...after.samples.keys()].map((k) => k.replace(/\{.*$/, '')))) {
      const family = name.replace(/_(bucket|sum|count)$/, '');
      expect(after.help.has(name) || after.help.has(family), `HELP for ${name}`).toBe(true);
    }
  }, 60_000);

  it('shows a reply left unsent as outbox delay and a message left unread past the grace period', async () => {
    const now = Date.now();
    await app.tickets.enqueueMessages(
      [
        {
          room: '幸福里一区业主群',
          roomId: null,
          to: null,
          toId: null,
          mentions: [],
          mentionIds: [],
          text: '通知',
        },
      ],
      { at: new Date(now - 90_000), key: 'metrics-test-stuck-reply' },
    );
    await app.tickets.recordMessage({
      ...{ key: 'metrics-test-never-queued', roomId: null, room: null, senderId: 'wxid-z', sender: '赵先生' },
      ...{ text: '8号楼门口的井盖丢了', kind: 'text', mentionsBot: false },
      ...{ sentAt: new Date(now - 120_000), receivedAt: new Date(now - 120_000) },
    });

    const { samples } = await scrape();

    expect(samples.get('shaozi_outbox_unsent')).toBe(1);
    expect(samples.get('shaozi_outbox_delay_seconds')).toBeGreaterThanOrEqual(90);
    expect(samples.get('shaozi_outbox_delay_seconds')).toBeLessThan(120);
    expect(samples.get('shaozi_messages_unread')).toBe(1);
    expect(samples.get('shaozi_messages_stored')).toBe(3);
  });

  it('serves the store figures alone from `shaozi web`, which has no Redis', async () => {
    const web = await composeWeb({
      config: parseConfig({ DATA_DIR: app.dataDir, LOG_LEVEL: 'silent' }),
      logger: silentLogger,
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const { samples } = await scrape(web.url);

      expect(samples.get('shaozi_messages_stored')).toBe(3);
      expect(samples.get('shaozi_source_up{source="store"}')).toBe(1);
      expect([...samples.keys()].filter((k) => /^shaozi_(queue|llm)_|source="redis"/.test(k))).toEqual([]);
    } finally {
      await web.stop();
    }
  });
});
