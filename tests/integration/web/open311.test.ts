import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../src/clock/clock.js';
import { composeWeb } from '../../../src/compose.js';
import { parseConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { openTicketStore } from '../../../src/store/open-ticket-store.js';
import {
  CHINA_ISO,
  ERROR_FIELDS,
  fieldProblems,
  POSTED_FIELDS,
  REQUEST_FIELDS,
  REQUEST_REQUIRED,
  SERVICE_FIELDS,
  SERVICE_REQUIRED,
} from '../../helpers/georeport.js';
import { fieldsOf, parseXml } from '../../helpers/parse-xml.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const clock = new SimulatedClock(new Date('2026-12-01T09:00:00+08:00'));
let app: TestApp;
let base: string;
/** Every body the API answered in this file, to check for personal data at the end. */
const answered: string[] = [];

async function get(path: string): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(`${base}/open311/v2/${path}`);
  const text = await res.text();
  answered.push(text);
  return { status: res.status, text, type: res.headers.get('content-type') };
}

async function post(path: string, init: { type: string; body: string }) {
  const res = await fetch(`${base}/open311/v2/${path}`, {
    method: 'POST',
    headers: { 'content-type': init.type },
    body: init.body,
  });
  const text = await res.text();
  answered.push(text);
  return { status: res.status, text };
}

const form = (fields: Record<string, string>) => ({
  type: 'application/x-www-form-urlencoded',
  body: new URLSearchParams(fields).toString(),
});

type Row = Record<string, unknown>;
const rows = (text: string) => JSON.parse(text) as Row[];
const numbersIn = (text: string) => rows(text).map((r) => r.service_request_id);
const xmlNumbersIn = (text: string) =>
  parseXml(text).children.map((c) => Number(fieldsOf(c).service_request_id));

let filed: Row;

beforeAll(async () => {
  app = await startTestApp({
    web: true,
    clock,
    env: { OPEN311_KEYS: 'client1:s3cret-one,client2:s3cret-two' },
  });
  base = app.web?.url ?? '';
  // #1: 王阿姨's lift, taken by the grid worker
  await app.say({
    from: '王阿姨',
    room: '幸福里一区业主群',
    text: '3号楼2单元电梯又坏了，老人下不了楼，有事打我电话13812345678',
  });
  clock.advance(HOUR);
  await app.say({ from: '李明', room: null, text: '接单 1' });
  // #2 a day later: 赵先生's street lamp in 锦苑, which he withdraws
  clock.advance(DAY);
  await app.say({ from: '赵先生', room: '锦苑邻里群', text: '25号楼门口的路灯不亮好几天了，晚上很黑' });
  await app.say({ from: '赵先生', room: null, text: '撤回 2' });
  // #3 from an API client, with personal fields GeoReport allows and we do not keep
  const res = await post(
    'requests.json',
    form({
      api_key: 's3cret-one',
      service_code: 'sanitation',
      description: '明德路菜市场门口的垃圾堆了三天没人清，味道很大',
      address_string: '明德路菜市场门口',
      first_name: '孙',
      last_name: '丽华',
      phone: '13900001111',
    }),
  );
  expect(res.status).toBe(201);
  filed = rows(res.text)[0] ?? {};
  await app.settle();
  // #4 from the second client, as JSON with coordinates only
  const second = await post('requests.json', {
    type: 'application/json',
    body: JSON.stringify({
      api_key: 's3cret-two',
      service_code: 'greenery',
      description: '幸福里一区5号楼前的绿化带好久没修剪了',
      lat: 39.91,
      long: 116.4,
    }),
  });
  expect(second.status).toBe(201);
  await app.settle();
}, 60_000);

afterAll(async () => {
  await app?.stop();
});

describe('Open311 GeoReport v2 over the running bot', () => {
  it('POST requests.json opens a routed ticket as from a resident, reported by the client', async () => {
    const t = await app.tickets.getTicket(3);

    expect(fieldProblems(filed, POSTED_FIELDS, ['service_request_id', 'service_notice'])).toEqual([]);
    expect(filed.service_request_id).toBe(3);
    expect(filed.service_notice).toMatch(/^已受理，工单 #3，由.+处理/);
    expect(t).toMatchObject({
      status: 'open',
      intent: 'grievance',
      category: 'sanitation',
      reporter: 'open311:client1',
      room: null,
      location: { landmark: '明德路菜市场门口' },
    });
    expect(t?.text).toBe('明德路菜市场门口的垃圾堆了三天没人清，味道很大\n地址：明德路菜市场门口');
    expect(t?.assignees.length).toBeGreaterThan(0);
    // the grid worker was told; nothing went to the client, which has no chat
    const worker = t?.assignees[0] ?? '';
    expect(app.sent.some((m) => m.to === worker && m.text.includes('#3'))).toBe(true);
    expect(app.sent.filter((m) => m.to === 'open311:client1' || m.toId === 'open311:client1')).toEqual([]);
    // the personal fields were not kept anywhere on the ticket
    const stored = JSON.stringify([t, await app.tickets.events(3)]);
    for (const personal of ['孙', '丽华', '13900001111']) {
      expect(stored).not.toContain(personal);
    }
    expect(await app.tickets.getTicket(4)).toMatchObject({
      category: 'greenery',
      reporter: 'open311:client2',
      location: { compound: '幸福里一区', building: 5 },
    });
    expect((await app.tickets.getTicket(4))?.text).toContain('坐标：39.91,116.4');
    // each filed request is a stored message (four chat messages before them), read with its ticket
    const counts = await app.tickets.countRecords({ unreadBefore: new Date(8.64e15) });
    expect(counts.messages).toMatchObject({ stored: 6, unread: 0 });
  });

  it('services.json and services.xml list the categories with GeoReport fields only', async () => {
    const json = await get('services.json');
    const xml = await get('services.xml');

    expect(json.type).toBe('application/json; charset=utf-8');
    expect(xml.type).toBe('text/xml; charset=utf-8');
    const services = rows(json.text);
    const root = parseXml(xml.text);
    expect(services).toHaveLength(24);
    expect(root.name).toBe('services');
    expect(root.children.map((c) => c.name)).toEqual(services.map(() => 'service'));
    for (const [i, s] of services.entries()) {
      expect(fieldProblems(s, SERVICE_FIELDS, SERVICE_REQUIRED)).toEqual([]);
      expect(fieldsOf(root.children[i] as never)).toEqual(
        Object.fromEntries(Object.entries(s).map(([k, v]) => [k, String(v)])),
      );
    }
    expect(services.find((s) => s.service_code === 'sanitation')?.service_name).toBe('环境卫生');
  });

  it('requests.json and requests.xml give every ticket, newest first, with GeoReport fields only', async () => {
    const json = await get('requests.json');
    const xml = await get('requests.xml');

    const requests = rows(json.text);
    const root = parseXml(xml.text);
    expect(numbersIn(json.text)).toEqual([4, 3, 2, 1]);
    expect(root.name).toBe('service_requests');
    expect(root.children.map((c) => c.name)).toEqual(['request', 'request', 'request', 'request']);
    for (const [i, r] of requests.entries()) {
      expect(fieldProblems(r, REQUEST_FIELDS, REQUEST_REQUIRED)).toEqual([]);
      const x = fieldsOf(root.children[i] as never);
      expect(fieldProblems(x, REQUEST_FIELDS, REQUEST_REQUIRED)).toEqual([]);
      expect(x).toEqual(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])));
      for (const field of ['requested_datetime', 'updated_datetime', 'expected_datetime']) {
        if (r[field] !== undefined) {
          expect(r[field]).toMatch(CHINA_ISO);
        }
      }
    }
    const byId = new Map(requests.map((r) => [r.service_request_id, r]));
    expect(byId.get(1)).toMatchObject({
      status: 'open',
      status_notes: '办理中',
      service_code: 'elevator',
      service_name: '电梯',
      agency_responsible: '安居物业',
      requested_datetime: '2026-12-01T09:00:00+08:00',
      address: '幸福里一区3号楼2单元',
    });
    expect(byId.get(1)?.description).toContain('138****5678');
    // taken an hour after it was reported: the last event is the update
    expect(byId.get(1)?.updated_datetime).toBe('2026-12-01T10:00:00+08:00');
    expect(byId.get(2)).toMatchObject({ status: 'closed', status_notes: '已撤回' });
    expect(byId.get(3)).toMatchObject({
      status: 'open',
      status_notes: '待接单',
      address: '明德路菜市场门口',
    });
  });

  it('filters by service_code, status, start_date and end_date, in JSON and XML alike', async () => {
    const cases: Array<[string, number[]]> = [
      ['service_code=elevator', [1]],
      ['service_code=elevator,sanitation', [3, 1]],
      ['status=closed', [2]],
      ['status=open', [4, 3, 1]],
      ['start_date=2026-12-02', [4, 3, 2]],
      ['end_date=2026-12-01', [1]],
      ['start_date=2026-12-01T08:00:00%2B08:00&end_date=2026-12-01T10:00:00%2B08:00', [1]],
      ['service_code=elevator&status=closed', []],
      ['service_request_id=2,1,99', [2, 1]],
    ];

    for (const [query, expected] of cases) {
      expect([query, numbersIn((await get(`requests.json?${query}`)).text)]).toEqual([query, expected]);
      expect([query, xmlNumbersIn((await get(`requests.xml?${query}`)).text)]).toEqual([query, expected]);
    }
  });

  it('requests/N.json and .xml give one request; an unknown number is a GeoReport 404', async () => {
    const json = await get('requests/3.json');
    const xml = await get('requests/3.xml');
    const missing = await get('requests/99.json');
    const missingXml = await get('requests/99.xml');

    expect(numbersIn(json.text)).toEqual([3]);
    expect(fieldProblems(rows(json.text)[0] ?? {}, REQUEST_FIELDS, REQUEST_REQUIRED)).toEqual([]);
    expect(xmlNumbersIn(xml.text)).toEqual([3]);
    expect(missing.status).toBe(404);
    const errors = rows(missing.text);
    expect(errors).toHaveLength(1);
    expect(fieldProblems(errors[0] ?? {}, ERROR_FIELDS, ERROR_FIELDS)).toEqual([]);
    expect(errors[0]?.code).toBe(404);
    expect(missingXml.status).toBe(404);
    expect(parseXml(missingXml.text).name).toBe('errors');
    expect(fieldsOf(parseXml(missingXml.text).children[0] as never).code).toBe('404');
  });

  it('refuses a wrong key with 403 and a bad service_code with 400, and opens no ticket', async () => {
    const before = (await app.tickets.listTickets()).length;
    const good = { service_code: 'elevator', description: '电梯坏了', address_string: '3号楼' };

    const wrongKey = await post('requests.json', form({ ...good, api_key: 's3cret-three' }));
    const badCode = await post(
      'requests.xml',
      form({ ...good, api_key: 's3cret-one', service_code: 'lift' }),
    );
    const noPlace = await post('requests.json', form({ ...good, api_key: 's3cret-one', address_string: '' }));
    await app.settle();

    expect(wrongKey.status).toBe(403);
    expect(fieldProblems(rows(wrongKey.text)[0] ?? {}, ERROR_FIELDS, ERROR_FIELDS)).toEqual([]);
    expect(badCode.status).toBe(400);
    expect(fieldsOf(parseXml(badCode.text).children[0] as never)).toMatchObject({ code: '400' });
    expect(noPlace.status).toBe(400);
    expect((await app.tickets.listTickets()).length).toBe(before);
  });

  it('never shows a reporter name, a chat id or an unmasked phone number', async () => {
    const chatIds = (await app.tickets.listTickets()).flatMap((t) => [t.reporterId ?? '', t.roomId ?? '']);

    const everything = answered.join('\n');

    expect(answered.length).toBeGreaterThan(20);
    for (const secret of ['王阿姨', '赵先生', '13812345678', '13900001111', 'open311:', ...chatIds]) {
      if (secret !== '') {
        expect([secret, everything.includes(secret)]).toEqual([secret, false]);
      }
    }
  });
});

describe('Open311 on `npx shaozi web` (no bot, no Redis)', () => {
  it('files a request with the local classifier and leaves its staff notices in the outbox for the bot', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shaozi-open311-'));
    const config = parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', OPEN311_KEYS: 'desk:k-desk' });
    const web = await composeWeb({ config, logger: silentLogger, port: 0, host: '127.0.0.1' });
    try {
      const res = await fetch(`${web.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          api_key: 'k-desk',
          service_code: 'building_repair',
          description: '幸福里一区7号楼3单元楼道灯坏了一个星期',
          address_string: '幸福里一区7号楼',
        }),
      });
      const one = await fetch(`${web.url}/open311/v2/requests/1.json`);

      expect(res.status).toBe(201);
      expect(rows(await res.text())[0]).toMatchObject({ service_request_id: 1 });
      expect(rows(await one.text())[0]).toMatchObject({
        service_code: 'building_repair',
        status: 'open',
        address: '幸福里一区7号楼3单元',
      });
    } finally {
      await web.stop();
    }
    const store = await openTicketStore({ sqlitePath: join(dataDir, 'shaozi.db') });
    try {
      const t = await store.getTicket(1);
      const waiting = await store.pendingOutbox(100);
      expect(t?.reporter).toBe('open311:desk');
      expect(waiting.some((m) => m.to === t?.assignees[0] && m.text.includes('#1'))).toBe(true);
      expect(waiting.filter((m) => m.to === 'open311:desk')).toEqual([]);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
