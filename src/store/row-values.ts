/** Conversions between domain values and the portable column values (ISO text, 0/1, JSON text). */

export const toIso = (date: Date): string => date.toISOString();

export const toIsoOrNull = (date: Date | null): string | null => (date === null ? null : date.toISOString());

export const fromIso = (text: string): Date => new Date(text);

export const fromIsoOrNull = (text: string | null): Date | null => (text === null ? null : new Date(text));

export const toFlag = (value: boolean): number => (value ? 1 : 0);

export const fromFlag = (value: number): boolean => value !== 0;

export const toStringList = (values: readonly string[]): string => JSON.stringify(values);

export function fromStringList(text: string): string[] {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.map(String) : [];
}
