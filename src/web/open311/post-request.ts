import type { Context } from 'hono';
import type { Logger } from '../../logger.js';
import { type ApiClient, clientOfKey } from './api-keys.js';
import type { FileRequest } from './file-service-request.js';
import { parseNewRequest } from './new-request.js';
import { open311Replies as say } from './replies.js';
import { COLLECTIONS, type Format, respond, respondError } from './respond.js';

export type PostDeps = {
  logger: Logger;
  /** API clients and their keys (OPEN311_KEYS); none: filing is refused. */
  clients: readonly ApiClient[];
  /** Opens a ticket for a filed request; absent: filing is refused. */
  fileRequest?: FileRequest | undefined;
};

/**
 * `POST requests.(json|xml)`: a form or JSON body with `api_key` (also taken from the query), `service_code`,
 * `description` and `address_string` or `lat`/`long`. 201 with `[{ service_request_id, service_notice }]`;
 * a refused key is 403 and bad input 400, before anything is recorded.
 */
export async function postRequest(deps: PostDeps, c: Context, format: Format): Promise<Response> {
  if (deps.clients.length === 0 || !deps.fileRequest) {
    return respondError(c, format, 403, say.postClosed());
  }
  const fields = await fieldsOf(c);
  if (!fields) {
    return respondError(c, format, 400, say.badBody());
  }
  const client = clientOfKey(deps.clients, fields.api_key ?? c.req.query('api_key'));
  if (!client) {
    deps.logger.warn({ event: 'open311.key.refused' }, 'api key refused');
    return respondError(c, format, 403, say.badKey());
  }
  const parsed = parseNewRequest(fields);
  if (!parsed.success) {
    return respondError(c, format, 400, parsed.error);
  }
  const filed = await deps.fileRequest(client, parsed.data);
  const answer = { service_request_id: filed.ticket.number, service_notice: filed.notice };
  return respond(c, format, COLLECTIONS.requests, [answer], 201);
}

/** The body's single-valued fields as text (form-encoded, multipart or JSON); undefined when unreadable. */
async function fieldsOf(c: Context): Promise<Record<string, string> | undefined> {
  const json = (c.req.header('content-type') ?? '').toLowerCase().includes('application/json');
  let body: unknown;
  try {
    body = json ? await c.req.json() : await c.req.parseBody();
  } catch {
    return undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return undefined;
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      fields[name] = String(value);
    }
  }
  return fields;
}
