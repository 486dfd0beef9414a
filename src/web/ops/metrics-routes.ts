import { Hono } from 'hono';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** A registry of our own (not prom-client's global one), with Node's process metrics in it. */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** `GET /metrics`: the registry in Prometheus' text format, read afresh at each scrape. */
export function metricsRoutes(registry: Registry): Hono {
  const app = new Hono();
  app.get('/metrics', async (c) =>
    c.body(await registry.metrics(), 200, {
      'content-type': registry.contentType,
      'cache-control': 'no-store',
    }),
  );
  return app;
}
