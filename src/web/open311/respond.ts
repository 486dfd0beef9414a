import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type XmlRecord, xmlList } from './xml.js';

export const FORMATS = ['json', 'xml'] as const;
export type Format = (typeof FORMATS)[number];

export const isFormat = (text: string): text is Format => (FORMATS as readonly string[]).includes(text);

/** The XML root and item element of each GeoReport v2 answer; in JSON each is a plain array. */
export const COLLECTIONS = {
  services: { root: 'services', item: 'service' },
  requests: { root: 'service_requests', item: 'request' },
  errors: { root: 'errors', item: 'error' },
} as const;

type Collection = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];

/** An answer in the format the path asked for: a JSON array, or an XML document of one element per record. */
export function respond(
  c: Context,
  format: Format,
  collection: Collection,
  records: readonly XmlRecord[],
  status: ContentfulStatusCode = 200,
): Response {
  if (format === 'xml') {
    return c.body(xmlList(collection.root, collection.item, records), status, {
      'content-type': 'text/xml; charset=utf-8',
    });
  }
  return c.body(JSON.stringify(records), status, { 'content-type': 'application/json; charset=utf-8' });
}

/** A GeoReport error: `[{ code, description }]`, or `<errors><error>…`, with the code as the HTTP status. */
export function respondError(
  c: Context,
  format: Format,
  status: ContentfulStatusCode,
  description: string,
): Response {
  return respond(c, format, COLLECTIONS.errors, [{ code: status, description }], status);
}

/** The format a path ends with (`….xml`), JSON otherwise: errors answer in the format asked for. */
export const formatOfPath = (path: string): Format => (path.endsWith('.xml') ? 'xml' : 'json');
