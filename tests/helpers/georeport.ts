/** The GeoReport v2 field lists (wiki.open311.org/GeoReport_v2), to check our answers against. */
export const SERVICE_FIELDS = [
  'service_code',
  'service_name',
  'description',
  'metadata',
  'type',
  'keywords',
  'group',
] as const;
export const SERVICE_REQUIRED = ['service_code', 'service_name', 'metadata', 'type'] as const;

export const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
] as const;
export const REQUEST_REQUIRED = [
  'service_request_id',
  'status',
  'service_code',
  'service_name',
  'requested_datetime',
] as const;

/** What `POST requests` answers with (one of service_request_id or token). */
export const POSTED_FIELDS = ['service_request_id', 'token', 'service_notice', 'account_id'] as const;
export const ERROR_FIELDS = ['code', 'description'] as const;

/** Field names outside the list, and required ones missing, as readable problems (empty: conforms). */
export function fieldProblems(
  record: Readonly<Record<string, unknown>>,
  allowed: readonly string[],
  required: readonly string[] = [],
): string[] {
  return [
    ...Object.keys(record)
      .filter((k) => !allowed.includes(k))
      .map((k) => `not a GeoReport v2 field: ${k}`),
    ...required.filter((k) => record[k] === undefined || record[k] === '').map((k) => `missing ${k}`),
  ];
}

/** An ISO 8601 time with China's offset, as every datetime we give should be. */
export const CHINA_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+08:00$/;
