import { CHINESE_DIGITS as DIGITS } from '../../text/chinese-digits.js';

/** Characters that may appear in a Chinese numeral up to 9999. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/** Reads an arabic or Chinese numeral (三, 十二, 二十三, 一百零一, 五零二); NaN when it is not one. */
export function parseNumeral(raw: string): number {
  if (/^\d+$/.test(raw)) {
    return Number(raw);
  }
  if (raw.length === 0 || !/^[零〇一二两三四五六七八九十百千]+$/.test(raw)) {
    return Number.NaN;
  }
  if (!/[十百千]/.test(raw)) {
    // digit by digit, as in 五零二
    return Number([...raw].map((c) => DIGITS[c] ?? 0).join(''));
  }
  let total = 0;
  let current = 0;
  for (const c of raw) {
    const digit = DIGITS[c];
    if (digit !== undefined) {
      current = digit;
      continue;
    }
    const unit = c === '十' ? 10 : c === '百' ? 100 : 1000;
    total += (current === 0 && unit === 10 ? 1 : current) * unit;
    current = 0;
  }
  return total + current;
}
