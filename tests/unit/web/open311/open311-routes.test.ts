import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../../src/directory/load-directory.js';
import { silentLogger } from '../../../../src/logger.js';
import { maskPersonalData } from '../../../../src/privacy/mask.js';
import type { Ticket, TicketEvent } from '../../../../src/tickets/ticket.js';
import type { TicketFilter } from '../../../../src/tickets/ticket-store.js';
import type { NewServiceRequest } from '../../../../src/web/open311/new-request.js';
import { type Open311Deps, open311Routes } from '../../../../src/web/open311/open311-routes.js';
import {
  ERROR_FIELDS,
  fieldProblems,
  POSTED_FIELDS,
  REQUEST_FIELDS,
  REQUEST_REQUIRED,
} from '../../../helpers/georeport.js';
import { fieldsOf, parseXml } from '../../../helpers/parse-xml.js';
import { buildTicket } from '../../../helpers/ticket-builder.js';

const directory = loadDirectory();
const at = (iso: string) => new Date(iso);

/** What the routes read of a store, over an array of tickets (one `created` event each). */
function storeOf(tickets: Ticket[]): Open311Deps['tickets'] {
  return {
    getTicket: async (n) => tickets.find((t) => t.number === n),
    listTickets: async (f: TicketFilter = {}) =>
      tickets.filter(
        (t) =>
          (!f.statuses || f.statuses.includes(t.status)) &&
          (!f.createdFrom || t.createdAt >= f.createdFrom) &&
          (!f.createdTo || t.createdAt < f.createdTo),
      ),
    events: async (n): Promise<TicketEvent[]> => {
      const t = tickets.find((x) => x.number === n);
      return t
        ? [
            {
              ticketNumber: n,
              seq: 1,
              at: t.createdAt,
              actor: 'x',
              type: 'created',
              detail: '',
              prevHash: '',
              hash: '',
            },
          ]
        : [];
    },
  };
}

/** The routes over two tickets (the open lift of 12-01, a closed street lamp of 12-03) and a recording filer. */
function appWith(overrides: Partial<Open311Deps> = {}) {
  const filed: Array<{ client: string; request: NewServiceRequest }> = [];
  const tickets = [
    buildTicket(1, { createdAt: at('2026-12-01T01:00:00Z'), text: '电梯坏了 <b>&</b> 13812345678' }),
    buildTicket(2, {
      status: 'closed',
      confirmation: 'satisfied',
      category: 'road_facility',
      body: 'municipal',
      createdAt: at('2026-12-03T01:00:00Z'),
      location: { compound: null, building: null, unit: null, room: null, landmark: '明德路' },
    }),
  ];
  const deps: Open311Deps = {
    tickets: storeOf(tickets),
    directory,
    mask: (text) => maskPersonalData(text),
    now: () => at('2026-12-05T00:00:00Z'),
    logger: silentLogger,
    clients: [{ client: 'county', key: 'k-county' }],
    fileRequest: async (client, request) => {
      filed.push({ client, request });
      return { ticket: buildTicket(3, { createdAt: at('2026-12-05T00:00:00Z') }), notice: '已受理，工单 #3' };
    },
    ...overrides,
  };
  return { app: open311Routes(deps), filed };
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

const ids = async (res: Response) =>
  ((await res.json()) as Array<{ service_request_id: number }>).map((r) => r.service_request_id);

describe('open311Routes: reading', () => {
  it('lists requests in JSON and XML with the same GeoReport fields', async () => {
    const { app } = appWith();

    const json = (await (await app.request('/requests.json')).json()) as Record<string, unknown>[];
    const xmlRes = await app.request('/requests.xml');
    const xml = parseXml(await xmlRes.text());

    expect(json.map((r) => r.service_request_id)).toEqual([2, 1]);
    expect(xmlRes.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    expect(xml.name).toBe('service_requests');
    expect(xml.children.map((c) => fieldsOf(c).service_request_id)).toEqual(['2', '1']);
    for (const [i, r] of json.entries()) {
      expect(fieldProblems(r, REQUEST_FIELDS, REQUEST_REQUIRED)).toEqual([]);
      const fromXml = fieldsOf(xml.children[i] as never);
      expect(Object.keys(fromXml)).toEqual(Object.keys(r));
      expect(fromXml).toEqual(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)])));
    }
    expect(JSON.stringify(json)).toContain('138****5678');
    expect(JSON.stringify(json)).not.toContain('13812345678');
  });

  it('filters by service_code, status and dates', async () => {
    const { app } = appWith();

    expect(await ids(await app.request('/requests.json?service_code=road_facility'))).toEqual([2]);
    expect(await ids(await app.request('/requests.json?status=open'))).toEqual([1]);
    expect(await ids(await app.request('/requests.json?status=open,closed'))).toEqual([2, 1]);
    expect(await ids(await app.request('/requests.json?start_date=2026-12-02'))).toEqual([2]);
    expect(await ids(await app.request('/requests.json?end_date=2026-12-01T09:00:00%2B08:00'))).toEqual([1]);
    expect(await ids(await app.request('/requests.json?service_request_id=1,9'))).toEqual([1]);
  });

  it('answers one request by number, and 404 as a GeoReport error in the format asked for', async () => {
    const { app } = appWith();

    const one = await app.request('/requests/1.xml');
    const missingJson = await app.request('/requests/99.json');
    const missingXml = await app.request('/requests/99.xml');

    expect(fieldsOf(parseXml(await one.text()).children[0] as never).service_request_id).toBe('1');
    expect(missingJson.status).toBe(404);
    const errors = (await missingJson.json()) as Record<string, unknown>[];
    expect(errors).toEqual([{ code: 404, description: '没有编号为 99 的诉求。' }]);
    expect(fieldProblems(errors[0] ?? {}, ERROR_FIELDS, ERROR_FIELDS)).toEqual([]);
    expect(missingXml.status).toBe(404);
    const xml = parseXml(await missingXml.text());
    expect(xml.name).toBe('errors');
    expect(xml.children.map((c) => [c.name, fieldsOf(c).code])).toEqual([['error', '404']]);
    expect((await app.request('/requests/abc.json')).status).toBe(404);
    expect((await app.request('/requests/1.csv')).status).toBe(404);
  });

  it('answers a bad filter with 400', async () => {
    const { app } = appWith();

    const res = await app.request('/requests.xml?status=pending');

    expect(res.status).toBe(400);
    expect(fieldsOf(parseXml(await res.text()).children[0] as never).description).toContain('pending');
  });

  it('answers a failure as a GeoReport 500 without its details', async () => {
    const { app } = appWith({
      tickets: { ...storeOf([]), listTickets: async () => Promise.reject(new Error('disk on fire')) },
    });

    const res = await app.request('/requests.xml');

    expect(res.status).toBe(500);
    const text = await res.text();
    expect(parseXml(text).name).toBe('errors');
    expect(text).not.toContain('disk');
  });
});

describe('open311Routes: filing', () => {
  const good = {
    api_key: 'k-county',
    service_code: 'elevator',
    description: '电梯坏了',
    address_string: '3号楼',
  };

  it("files a form-encoded or JSON request for the key's client and answers 201", async () => {
    const { app, filed } = appWith();

    const res = await app.request('/requests.json', form(good));
    const xmlRes = await app.request('/requests.xml', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...good, api_key: undefined, lat: 39.9, long: 116.4 }),
    });
    const viaQuery = await app.request('/requests.xml?api_key=k-county', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...good, api_key: undefined }),
    });

    expect(res.status).toBe(201);
    const answer = (await res.json()) as Record<string, unknown>[];
    expect(answer).toEqual([{ service_request_id: 3, service_notice: '已受理，工单 #3' }]);
    expect(fieldProblems(answer[0] ?? {}, POSTED_FIELDS)).toEqual([]);
    expect(xmlRes.status).toBe(403);
    expect(viaQuery.status).toBe(201);
    expect(fieldsOf(parseXml(await viaQuery.text()).children[0] as never)).toEqual({
      service_request_id: '3',
      service_notice: '已受理，工单 #3',
    });
    expect(filed.map((f) => [f.client, f.request.code, f.request.address])).toEqual([
      ['county', 'elevator', '3号楼'],
      ['county', 'elevator', '3号楼'],
    ]);
  });

  it('refuses filing with 403 when no client is configured, or the key is wrong or missing', async () => {
    const closed = appWith({ clients: [] });
    const open = appWith();

    const none = await closed.app.request('/requests.json', form(good));
    const wrong = await open.app.request('/requests.json', form({ ...good, api_key: 'k-count' }));
    const missing = await open.app.request('/requests.json', form({ ...good, api_key: '' }));

    expect([none.status, wrong.status, missing.status]).toEqual([403, 403, 403]);
    expect(await none.json()).toEqual([{ code: 403, description: '本社区未开放通过接口提交诉求。' }]);
    expect(((await wrong.json()) as { description: string }[])[0]?.description).toContain('api_key');
    expect(closed.filed.length + open.filed.length).toBe(0);
  });

  it('refuses bad input with 400 and files nothing', async () => {
    const { app, filed } = appWith();

    const badCode = await app.request('/requests.json', form({ ...good, service_code: 'lift' }));
    const noText = await app.request('/requests.json', form({ ...good, description: '' }));
    const badJson = await app.request('/requests.json', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"api_key":',
    });
    const huge = await app.request('/requests.json', form({ ...good, description: 'x'.repeat(70_000) }));

    expect(badCode.status).toBe(400);
    expect(((await badCode.json()) as { description: string }[])[0]?.description).toContain('lift');
    expect(noText.status).toBe(400);
    expect(badJson.status).toBe(400);
    expect(huge.status).toBe(413);
    expect(filed).toEqual([]);
  });
});
