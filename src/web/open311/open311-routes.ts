import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Directory } from '../../directory/directory.js';
import type { TicketStore } from '../../tickets/ticket-store.js';
import { type FindDeps, findRequest, findRequests } from './find-requests.js';
import { type PostDeps, postRequest } from './post-request.js';
import { open311Replies as say } from './replies.js';
import { parseRequestQuery, ticketNumberOf } from './request-query.js';
import { COLLECTIONS, FORMATS, formatOfPath, isFormat, respond, respondError } from './respond.js';
import type { RequestView } from './service-request.js';
import { serviceList } from './services.js';

/** Larger bodies are refused unread: a description is at most 1,000 characters. */
const MAX_BODY_BYTES = 64 * 1024;

export type Open311Deps = PostDeps & {
  tickets: FindDeps['tickets'] & Pick<TicketStore, 'getTicket'>;
  directory: Pick<Directory, 'bodyDisplayName'>;
  /** Masks personal numbers in residents' texts (the community's published numbers stay readable). */
  mask: (text: string) => string;
  now: () => Date;
};

/**
 * Open311 GeoReport v2 (mounted at `/open311/v2`): `services`, `requests` with filters, `requests/{id}`, in
 * JSON and XML, and `POST requests` for clients with a key. Reading needs no key; nothing read names the
 * reporter or carries a chat id or an unmasked number.
 */
export function open311Routes(deps: Open311Deps): Hono {
  const app = new Hono();
  const view: RequestView = {
    agencyName: (body, compound) => deps.directory.bodyDisplayName(body, compound),
    mask: deps.mask,
  };
  for (const format of FORMATS) {
    app.get(`/services.${format}`, (c) => respond(c, format, COLLECTIONS.services, serviceList()));
    app.get(`/requests.${format}`, async (c) => {
      const parsed = parseRequestQuery(c.req.query(), deps.now());
      if (!parsed.success) {
        return respondError(c, format, 400, parsed.error);
      }
      return respond(c, format, COLLECTIONS.requests, await findRequests(deps, parsed.data, view));
    });
    app.post(
      `/requests.${format}`,
      bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => respondError(c, format, 413, say.tooLarge()) }),
      (c) => postRequest(deps, c, format),
    );
  }
  app.get('/requests/:file', async (c) => {
    const file = c.req.param('file');
    const dot = file.lastIndexOf('.');
    const format = file.slice(dot + 1);
    if (dot < 0 || !isFormat(format)) {
      return respondError(c, 'json', 404, say.notFound(file));
    }
    const id = file.slice(0, dot);
    const number = ticketNumberOf(id);
    const found = number === undefined ? undefined : await findRequest(deps, number, view);
    if (!found) {
      return respondError(c, format, 404, say.notFound(id));
    }
    return respond(c, format, COLLECTIONS.requests, [found]);
  });
  app.onError((err, c) => {
    deps.logger.error({ event: 'open311.failed', path: c.req.path, err }, 'open311 request failed');
    return respondError(c, formatOfPath(c.req.path), 500, say.failed());
  });
  return app;
}
