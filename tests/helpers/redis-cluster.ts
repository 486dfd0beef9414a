import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RedisProcess, startRedisProcess } from './redis-process.js';

/** A throwaway Redis Cluster of three masters on free ports (redis-server and redis-cli as installed). */
export type RedisCluster = { nodes: string; stop(): Promise<void> };

export async function startRedisCluster(): Promise<RedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'shaozi-cluster-'));
  const nodes: RedisProcess[] = [];
  const stop = async () => {
    for (const node of nodes) {
      await node.stop();
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < 3; i++) {
      nodes.push(
        await startRedisProcess({
          args: ['--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${i}.conf`)],
        }),
      );
    }
    const addresses = nodes.map((n) => new URL(n.url).host);
    const created = spawnSync(
      'redis-cli',
      ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'],
      { encoding: 'utf8' },
    );
    if (created.status !== 0) {
      throw new Error(`redis-cli --cluster create failed: ${created.stderr || created.stdout}`);
    }
    const [host = '', port = ''] = (addresses[0] ?? '').split(':');
    const deadline = Date.now() + 10_000;
    while (
      !/cluster_state:ok/.test(
        spawnSync('redis-cli', ['-h', host, '-p', port, 'cluster', 'info'], { encoding: 'utf8' }).stdout,
      )
    ) {
      if (Date.now() > deadline) {
        throw new Error('the cluster did not reach cluster_state:ok');
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return { nodes: addresses.join(','), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
