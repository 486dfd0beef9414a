import { AppError } from '../errors.js';

const DURATION = /^\s*(\d+)\s*(m|h|d)\s*$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** The units a directory duration may use: minutes, hours, days. */
export type DurationUnit = keyof typeof UNIT_MS;

/** A directory duration such as `15m`, `2h`, `24h` or `7d`. */
export type Duration = { readonly amount: number; readonly unit: DurationUnit };

export type ParseDurationResult = { success: true; data: Duration } | { success: false; error: string };

/** Reads `15m`, `2h`, `24h` or `7d` (the directory schema's format) into a duration. */
export function parseDuration(text: string): ParseDurationResult {
  const match = DURATION.exec(text);
  if (!match) {
    return { success: false, error: `"${text}" is not a duration like 15m, 2h or 7d` };
  }
  const amount = Number(match[1]);
  const unit = match[2] as DurationUnit;
  if (!Number.isSafeInteger(amount * UNIT_MS[unit])) {
    return { success: false, error: `"${text}" is too long` };
  }
  return { success: true, data: { amount, unit } };
}

/** Like `parseDuration` for text the directory schema already checked; throws AppError('CONFIG_INVALID'). */
export function assertDuration(text: string): Duration {
  const result = parseDuration(text);
  if (!result.success) {
    throw new AppError('CONFIG_INVALID', { message: result.error });
  }
  return result.data;
}

/** The length of a duration in milliseconds; `24h` and `1d` are the same length. */
export function toMilliseconds(duration: Duration): number {
  return duration.amount * UNIT_MS[duration.unit];
}
