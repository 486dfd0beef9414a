import { Cluster, Redis } from 'ioredis';

/** The connection the queues share: one Redis, or a Redis Cluster. */
export type RedisConnection = Redis | Cluster;

/**
 * Opens the queues' connection: to one Redis by URL, or to a cluster from some of its nodes. BullMQ needs
 * commands to wait for a lost connection rather than fail (`maxRetriesPerRequest: null`).
 */
export function openRedisConnection(
  target: { url: string } | { cluster: ReadonlyArray<{ host: string; port: number }> },
): RedisConnection {
  if ('url' in target) {
    return new Redis(target.url, { maxRetriesPerRequest: null });
  }
  return new Cluster([...target.cluster], { redisOptions: { maxRetriesPerRequest: null } });
}
