import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roomOfBuilding } from '../../helpers/rooms.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

const url = process.env.TEST_DATABASE_URL;

describe.runIf(url)('the pipeline on PostgreSQL (TEST_DATABASE_URL)', () => {
  let app: TestApp;
  const schema = `spine_${randomUUID().replace(/-/g, '')}`;

  beforeEach(async () => {
    app = await startTestApp({ env: { DATABASE_URL: url ?? '', DATABASE_SCHEMA: schema } });
  });

  afterEach(async () => {
    await app.stop();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it('stores a grievance as one ticket in PostgreSQL and answers with its number', async () => {
    const id = await app.say({ from: '王阿姨', room: '幸福里一区业主群', text: '7号楼楼道灯坏了好几天了' });
    app.world.redeliver(id);
    await app.settle();

    const tickets = await app.tickets.listTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ number: 1, grid: '第二网格', assignees: ['张伟', '魏经理'] });
    expect(app.sent.find((m) => m.room === '幸福里一区业主群')?.text).toContain('#1');
    expect(await app.tickets.verifyAudit()).toMatchObject({ ok: true, tickets: 1 });
  });

  it('reads three compounds side by side on the connection pool: one ticket each, numbered in turn, the chain whole', async () => {
    await app.stop();
    app = await startTestApp({
      env: {
        DATABASE_URL: url ?? '',
        DATABASE_SCHEMA: schema,
        INTAKE_PARTITIONS: '8',
        OUTBOX_PER_MINUTE: '100000',
      },
    });
    const buildings = Array.from({ length: 30 }, (_, i) => i + 1);
    for (const b of buildings) {
      app.world.say({ room: roomOfBuilding(b), from: `住户${b}`, text: `${b}号楼楼道灯坏了好几天了` });
    }
    await app.settle(60_000);

    const tickets = await app.tickets.listTickets();
    expect(tickets.map((t) => t.location.building).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(buildings);
    expect(tickets.map((t) => t.number).sort((x, y) => x - y)).toEqual(buildings);
    expect(await app.tickets.verifyAudit()).toMatchObject({ ok: true, tickets: 30 });
  }, 90_000);
});
