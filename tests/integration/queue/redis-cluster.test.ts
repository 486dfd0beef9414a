import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { type RedisCluster, startRedisCluster } from '../../helpers/redis-cluster.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

const GROUP = '幸福里一区业主群';

describe('on a Redis Cluster', () => {
  let cluster: RedisCluster;
  let app: TestApp | undefined;

  beforeAll(async () => {
    cluster = await startRedisCluster();
  }, 30_000);

  afterAll(async () => {
    await app?.stop();
    await cluster?.stop();
  });

  it('runs the whole pipeline with its keys under a hash tag: a report, an emergency, their answers', async () => {
    app = await startTestApp({
      env: { REDIS_CLUSTER_NODES: cluster.nodes, INTAKE_PARTITIONS: '3' },
      queuePrefix: `{test-${randomUUID()}}`,
    });
    await app.say({ from: '王阿姨', room: GROUP, text: '3号楼2单元电梯又坏了，老人下不了楼' });
    await app.say({ from: '陈大爷', room: GROUP, text: '5号楼2单元冒黑烟了，好像着火了，快来人' });
    await app.settle();

    const tickets = await app.tickets.listTickets();
    expect(tickets.map((t) => t.intent).sort()).toEqual(['emergency', 'grievance']);
    const answered = app.sent.filter((m) => m.room === GROUP).flatMap((m) => m.mentions);
    expect(answered.sort()).toEqual(['王阿姨', '陈大爷'].sort());
    expect(app.sent.some((m) => m.room === GROUP && m.text.includes('119'))).toBe(true);
  }, 60_000);

  it('asks for a hash tag in a prefix of its own, and gives the default one', () => {
    const nodes = '127.0.0.1:7000,127.0.0.1:7001';
    expect(() => parseConfig({ REDIS_CLUSTER_NODES: nodes, QUEUE_PREFIX: 'shaozi' })).toThrow(/hash tag/);
    expect(parseConfig({ REDIS_CLUSTER_NODES: nodes, QUEUE_PREFIX: '{office-1}' }).QUEUE_PREFIX).toBe(
      '{office-1}',
    );
    expect(parseConfig({ REDIS_CLUSTER_NODES: nodes }).QUEUE_PREFIX).toBe('{shaozi-sandbox}');
    expect(parseConfig({}).QUEUE_PREFIX).toBe('shaozi-sandbox');
    expect(() => parseConfig({ REDIS_CLUSTER_NODES: 'localhost' })).toThrow(/host:port/);
  });
});
