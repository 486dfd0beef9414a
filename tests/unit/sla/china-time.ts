const CHINA_OFFSET_MS = 8 * 3_600_000;

/** An instant written as ISO 8601 in China time, e.g. `2026-10-08T10:00:00+08:00`, for readable asserts. */
export function toChinaIso(date: Date): string {
  return `${new Date(date.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** Parses an ISO 8601 instant, rejecting text without an explicit offset so no test leans on the machine TZ. */
export function at(iso: string): Date {
  if (!/(?:Z|[+-]\d{2}:\d{2})$/.test(iso)) {
    throw new Error(`"${iso}" needs an explicit offset`);
  }
  return new Date(iso);
}
