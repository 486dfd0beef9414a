import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { checkHealth, type HealthProbes } from './health.js';

export type WebDeps = {
  health: HealthProbes;
  /** The supervisors' workbench (login, tickets, board, figures, report, share links). */
  dashboard?: Hono;
  /** `GET /metrics` (src/web/ops/metrics-routes.ts). */
  metrics?: Hono;
  /** Bull Board at /ops/queues behind its guard (src/web/ops/bull-board-routes.ts). */
  queueBoard?: Hono;
  /** The sandbox page at /sandbox, only when the bot runs on the mock puppet (src/web/sandbox). */
  sandbox?: Hono;
  /** Open311 GeoReport v2 at /open311/v2 (src/web/open311). */
  open311?: Hono;
};

/** The web side's routes (interfaces.md, "The web side"). */
export function createWebApp(deps: WebDeps): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    const health = await checkHealth(deps.health);
    return c.json(health, health.ok ? 200 : 503);
  });
  for (const ops of [deps.metrics, deps.queueBoard]) {
    if (ops) {
      app.route('/', ops);
    }
  }
  if (deps.sandbox) {
    app.get('/sandbox/', (c) => c.redirect('/sandbox', 308));
    app.route('/sandbox', deps.sandbox);
  }
  if (deps.open311) {
    app.route('/open311/v2', deps.open311);
  }
  if (deps.dashboard) {
    app.route('/', deps.dashboard);
  }
  return app;
}

export type RunningWeb = { url: string; close(): Promise<void> };

/** Serves the web side on host:port (port 0: a free one); a port in use is an error that says so. */
export async function startWebServer(options: {
  app: Hono;
  host: string;
  port: number;
  logger: Logger;
}): Promise<RunningWeb> {
  const { app, host, port, logger } = options;
  const server = serve({ fetch: app.fetch, hostname: host, port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new AppError('WEB_PORT_IN_USE', {
              message: `port ${port} on ${host} is already in use: set WEB_PORT to a free port`,
            })
          : err,
      ),
    );
  });
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  logger.info({ event: 'web.listening', url }, 'web side listening');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // keep-alive connections would hold the close open
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
