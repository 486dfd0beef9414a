/**
 * Masks personal numbers before text reaches logs, the LLM or a group reply.
 *
 * Mask format (one choice for the whole project):
 * - mobile numbers keep a hint staff and residents recognise: `138****5678`;
 * - landlines keep the area code and the last four digits: `010-****5678`;
 * - ID numbers (18 and legacy 15 digits) and bank cards have no use in grievance handling,
 *   so they become the tokens `[身份证号]` and `[银行卡号]` with nothing kept.
 *
 * Half- and full-width digits are recognised. A number only matches as a whole run (no digit
 * directly before or after it), so building/unit/room numbers (3-2-502), dates (2026-11-30),
 * times, prices and 400/800 hotlines are left alone. Landlines without an area code (8881234)
 * and numbers written in Chinese numerals are not recognised: too ambiguous to mask safely.
 */

const D = '[0-9０-９]';
const NOT_DIGIT_BEFORE = `(?<!${D})`;
const NOT_DIGIT_AFTER = `(?!${D})`;
const SEP = '[-\\s－]?';
const MONTH = '(?:0[1-9]|1[0-2]|０[１-９]|１[０-２])';
const DAY = `(?:${D})`;

/** 18-char resident ID: 6-digit area, 8-digit birth date, 3-digit sequence, check digit or X. */
const ID_18 = new RegExp(
  `${NOT_DIGIT_BEFORE}${D}{6}${SEP}(?:19|20|１９|２０)${D}{2}${MONTH}${DAY}{2}${SEP}${D}{3}[0-9０-９XxＸｘ](?![0-9０-９A-Za-z])`,
  'g',
);
/** Legacy 15-digit ID: 6-digit area, 6-digit birth date (yymmdd), 3-digit sequence. */
const ID_15 = new RegExp(`${NOT_DIGIT_BEFORE}${D}{6}${D}{2}${MONTH}${DAY}{2}${D}{3}${NOT_DIGIT_AFTER}`, 'g');
/** Bank cards: 16 to 19 digits, plain or in groups of four. */
const BANK_CARD = new RegExp(
  `${NOT_DIGIT_BEFORE}(?:${D}{16,19}|${D}{4}(?:[-\\s]${D}{4}){3}(?:[-\\s]?${D}{1,3})?)${NOT_DIGIT_AFTER}`,
  'g',
);
/** Mainland mobile: optional +86/0086/86, then 1[3-9] and nine more digits, optionally 3-4-4 grouped. */
const MOBILE = new RegExp(
  `${NOT_DIGIT_BEFORE}(?:(?:[+＋]|00)?86${SEP})?([1１][3-9３-９]${D})${SEP}(${D}{4})${SEP}(${D}{4})${NOT_DIGIT_AFTER}`,
  'g',
);
/** Landline with an area code (010, 0571; optionally in brackets), 7-8 digits, optional extension. */
const LANDLINE = new RegExp(
  `${NOT_DIGIT_BEFORE}(?:[(（](0${D}{2,3})[)）]|(0${D}{2,3}))${SEP}(${D}{3,4})${SEP}(${D}{4})(?:(?:-|转)${D}{1,6})?${NOT_DIGIT_AFTER}`,
  'g',
);

export const ID_TOKEN = '[身份证号]';
export const BANK_CARD_TOKEN = '[银行卡号]';

/** Replaces mobile, landline, ID and bank card numbers in free text; idempotent and safe on any string. */
export function maskPersonalData(text: string): string {
  return text
    .replace(ID_18, ID_TOKEN)
    .replace(ID_15, ID_TOKEN)
    .replace(BANK_CARD, BANK_CARD_TOKEN)
    .replace(MOBILE, (_m, head: string, _mid: string, tail: string) => `${head}****${tail}`)
    .replace(LANDLINE, (_m, bracketed: string | undefined, plain: string | undefined, _a, tail: string) => {
      return `${bracketed ?? plain ?? ''}-****${tail}`;
    });
}

/** Whether the text still holds something that looks like a personal number (for assertions and audits). */
export function hasPersonalData(text: string): boolean {
  return maskPersonalData(text) !== text;
}
