import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';

/** Where the queues' board is served. */
export const QUEUE_BOARD_PATH = '/ops/queues';

/** A BullMQ queue as Bull Board takes it (the queues of src/queue/). */
export type BoardQueue = ConstructorParameters<typeof BullMQAdapter>[0];

/**
 * Bull Board over our queues at `basePath` (pages, JSON API and its own JS/CSS), every request behind
 * `guard`. The routes carry the full path: mount the result with `app.route('/', …)`.
 */
export function bullBoardRoutes(options: {
  queues: readonly BoardQueue[];
  basePath?: string;
  /** Lets supervisors through and refuses everyone else. */
  guard: MiddlewareHandler;
  /** Hide the actions that change jobs (retry, remove, clean, pause). */
  readOnly?: boolean;
}): Hono {
  const basePath = options.basePath ?? QUEUE_BOARD_PATH;
  const adapter = new HonoAdapter(serveStatic).setBasePath(basePath);
  createBullBoard({
    queues: options.queues.map((q) => new BullMQAdapter(q, { readOnlyMode: options.readOnly === true })),
    serverAdapter: adapter,
    options: {
      uiConfig: { boardTitle: '哨子 · 队列', locale: { lng: 'zh-CN' }, hideDocsLink: true },
    },
  });
  const board = new Hono();
  board.use(`${basePath}/*`, options.guard);
  // a link or a reload may end in a slash; the board's own routes do not
  board.get(`${basePath}/`, (c) => c.redirect(basePath, 301));
  board.route(basePath, adapter.registerPlugin());
  return board;
}
