const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** A short China-time stamp for chat: 12月1日 09:00. */
export function formatChinaShort(date: Date): string {
  const d = new Date(date.getTime() + CHINA_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
