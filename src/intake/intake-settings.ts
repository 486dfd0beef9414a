import type { Config } from '../config.js';

/** The windows intake reads a conversation by, all measured on the intake's clock. */
export type IntakeSettings = {
  /** Seconds within which several messages of one sender in one room are one request. */
  aggregationWindowS: number;
  /** Hours within which the same problem at the same place joins an open ticket. */
  mergeWindowH: number;
  /** Days after closure within which the same problem at the same place reopens the ticket. */
  recurrenceDays: number;
};

export const DEFAULT_INTAKE_SETTINGS: IntakeSettings = {
  aggregationWindowS: 60,
  mergeWindowH: 72,
  recurrenceDays: 30,
};

export function intakeSettings(
  config: Pick<Config, 'AGGREGATION_WINDOW_S' | 'MERGE_WINDOW_H' | 'RECURRENCE_DAYS'>,
): IntakeSettings {
  return {
    aggregationWindowS: config.AGGREGATION_WINDOW_S,
    mergeWindowH: config.MERGE_WINDOW_H,
    recurrenceDays: config.RECURRENCE_DAYS,
  };
}
