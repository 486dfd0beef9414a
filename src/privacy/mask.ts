/**
 * Masks personal numbers before text leaves the bot: to the LLM, a log line, a group or a person.
 *
 * Mask format (one choice for the whole project):
 * - mobile numbers keep a hint staff and residents recognise: `138****5678`;
 * - landlines keep the area code and the last four digits: `010-****5678`;
 * - ID numbers (18 characters with a valid birth date and check digit, or the legacy 15 digits) and bank
 *   cards (16–19 digits passing the Luhn check) have no use in grievance handling, so they become the
 *   tokens `[身份证号]` and `[银行卡号]` with nothing kept.
 *
 * Numbers are found however residents write them: half- or full-width digits, Chinese numerals (一三八,
 * 幺, 两, 壹贰叁), grouped by spaces, dashes, dots, slashes, commas or line breaks, behind +86 or 0086. A
 * run of digits is split into groups at those separators and a number must cover whole groups, so
 * building and room numbers (3-2-502), dates, times, prices, ticket numbers, 12345 and 400/800 hotlines are
 * left alone, and a number the community publishes (`keep`) stays readable.
 */

export const ID_TOKEN = '[身份证号]';
export const BANK_CARD_TOKEN = '[银行卡号]';

const DIGIT_VALUES: Record<string, string> = {
  零: '0',
  〇: '0',
  一: '1',
  幺: '1',
  壹: '1',
  二: '2',
  两: '2',
  贰: '2',
  貳: '2',
  三: '3',
  叁: '3',
  參: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  陸: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
};

/** The digit a character writes, if any (ASCII, full-width, Chinese numerals); X only ends an ID. */
function digitOf(ch: string): string | undefined {
  if (ch >= '0' && ch <= '9') {
    return ch;
  }
  if (ch >= '０' && ch <= '９') {
    return String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
  }
  return DIGIT_VALUES[ch];
}

const isCheckX = (ch: string) => ch === 'X' || ch === 'x' || ch === 'Ｘ' || ch === 'ｘ';
/** What may stand between two groups of one number: spaces, line breaks, dashes, dots, slashes, commas, brackets. */
const SEPARATOR = /[\s\u3000\-－–—.．。/／,，、·_()（）]/;
const MAX_GAP = 3;

type Group = { digits: string; start: number; end: number; checkX: boolean };
type Found = { start: number; end: number; kind: 'mobile' | 'landline' | 'id' | 'card'; digits: string };

/** Groups of digits in order; `joined` tells whether a group follows the previous one across separators only. */
function digitGroups(chars: readonly string[]): Array<Group & { joined: boolean }> {
  const groups: Array<Group & { joined: boolean }> = [];
  let i = 0;
  let lastEnd = -1;
  while (i < chars.length) {
    const first = digitOf(chars[i] as string);
    if (first === undefined) {
      i++;
      continue;
    }
    const start = i;
    let digits = '';
    while (i < chars.length && digitOf(chars[i] as string) !== undefined) {
      digits += digitOf(chars[i] as string);
      i++;
    }
    let checkX = false;
    if (i < chars.length && isCheckX(chars[i] as string) && !/[A-Za-z]/.test(chars[i + 1] ?? '')) {
      checkX = true;
      i++;
    }
    const gap = chars.slice(lastEnd, start);
    const joined =
      lastEnd >= 0 && gap.length > 0 && gap.length <= MAX_GAP && gap.every((c) => SEPARATOR.test(c));
    groups.push({ digits, start, end: i, checkX, joined });
    lastEnd = i;
  }
  return groups;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * An 18-character ID: an area code, a real birth date and a check digit. A wrong check digit is still masked
 * when the rest holds (a mistyped ID is still someone's); it only has to be a digit or X.
 */
function isId18(digits: string, checkX: boolean): boolean {
  const body = checkX ? digits : digits.slice(0, 17);
  if (body.length !== 17 || !/^[1-8]/.test(body)) {
    return false;
  }
  const y = Number(body.slice(6, 10));
  return y >= 1900 && y <= 2100 && validDate(y, Number(body.slice(10, 12)), Number(body.slice(12, 14)));
}

/** Whether an 18-character ID's check digit (ISO 7064 MOD 11-2) is right. */
export function idCheckDigitOk(id: string): boolean {
  const body = id.slice(0, 17);
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return ID_CHECK[sum % 11] === id[17]?.toUpperCase();
}

function isId15(digits: string): boolean {
  return (
    digits.length === 15 &&
    /^[1-9]/.test(digits) &&
    validDate(1900 + Number(digits.slice(6, 8)), Number(digits.slice(8, 10)), Number(digits.slice(10, 12)))
  );
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** What a run of whole groups writes, if it is a personal number. */
function classify(digits: string, checkX: boolean): Found['kind'] | undefined {
  if (checkX) {
    return digits.length === 17 && isId18(digits, true) ? 'id' : undefined;
  }
  if (digits.length === 11 && /^1[3-9]/.test(digits)) {
    return 'mobile';
  }
  if (digits.length === 18 && isId18(digits, false)) {
    return 'id';
  }
  if (digits.length >= 16 && digits.length <= 19 && /^[3-6]/.test(digits) && passesLuhn(digits)) {
    return 'card';
  }
  if (digits.length === 15 && isId15(digits)) {
    return 'id';
  }
  if (digits.length >= 10 && digits.length <= 12 && /^0[1-9]/.test(digits)) {
    return 'landline';
  }
  return undefined;
}

/** Personal numbers in the text, each as whole groups, the longest first where they overlap. */
function findNumbers(chars: readonly string[]): Found[] {
  const groups = digitGroups(chars);
  const candidates: Found[] = [];
  for (let i = 0; i < groups.length; i++) {
    let digits = '';
    for (let j = i; j < groups.length && j < i + 19; j++) {
      const g = groups[j] as Group & { joined: boolean };
      if (j > i && (!g.joined || (groups[j - 1] as Group).checkX)) {
        break;
      }
      digits += g.digits;
      if (digits.length > 19) {
        break;
      }
      const kind = classify(digits, g.checkX);
      if (kind) {
        candidates.push({ start: (groups[i] as Group).start, end: g.end, kind, digits });
      }
      // a mobile number written straight after its country code (8613912345678, 008613912345678)
      const national = /^(?:0086|86)(1[3-9]\d{9})$/.exec(digits)?.[1];
      if (national && !g.checkX) {
        candidates.push({ start: (groups[i] as Group).start, end: g.end, kind: 'mobile', digits: national });
      }
    }
  }
  for (const c of candidates) {
    // a mobile number behind +86 / 0086 / 86: the prefix is part of what is masked
    const prefix = chars.slice(Math.max(0, c.start - 6), c.start).join('');
    const m = /(?:[+＋]|00)?86[\s\-－()（）]{0,2}$/.exec(prefix);
    if (c.kind === 'mobile' && m) {
      c.start -= [...m[0]].length;
    }
    // so is a leading + or an opening bracket closed inside the number: (0571)88881234
    const before = chars[c.start - 1];
    if (before === '+' || before === '＋') {
      c.start -= 1;
    } else if (
      (before === '(' || before === '（') &&
      chars.slice(c.start, c.end).some((ch) => ch === ')' || ch === '）')
    ) {
      c.start -= 1;
    }
  }
  const chosen: Found[] = [];
  for (const c of candidates.sort((a, b) => b.digits.length - a.digits.length || a.start - b.start)) {
    if (chosen.every((o) => c.end <= o.start || c.start >= o.end)) {
      chosen.push(c);
    }
  }
  return chosen.sort((a, b) => a.start - b.start);
}

function masked(found: Found): string {
  const d = found.digits;
  switch (found.kind) {
    case 'mobile':
      return `${d.slice(0, 3)}****${d.slice(7)}`;
    case 'landline': {
      const area = /^0[12]/.test(d) ? d.slice(0, 3) : d.slice(0, 4);
      return `${area}-****${d.slice(-4)}`;
    }
    case 'id':
      return ID_TOKEN;
    case 'card':
      return BANK_CARD_TOKEN;
  }
}

/**
 * Replaces mobile, landline, ID and bank card numbers in free text; idempotent and safe on any string.
 * `keep` holds the digits of numbers that are public (the community's published phone numbers).
 */
export function maskPersonalData(text: string, keep: ReadonlySet<string> = NO_PUBLIC_NUMBERS): string {
  const chars = [...text];
  const found = findNumbers(chars).filter((f) => !keep.has(f.digits));
  if (found.length === 0) {
    return text;
  }
  let out = '';
  let at = 0;
  for (const f of found) {
    out += chars.slice(at, f.start).join('') + masked(f);
    at = f.end;
  }
  return out + chars.slice(at).join('');
}

const NO_PUBLIC_NUMBERS: ReadonlySet<string> = new Set();

/** The digits of every phone-like number in a text (to declare a community's published numbers public). */
export function numbersIn(text: string): string[] {
  return findNumbers([...text]).map((f) => f.digits);
}

/** The numbers a community publishes (its directory and knowledge base files): shown, never masked. */
export function publicNumbersIn(texts: readonly string[]): Set<string> {
  return new Set(texts.flatMap(numbersIn));
}

/** Whether the text still holds something that looks like a personal number (for assertions and audits). */
export function hasPersonalData(text: string, keep?: ReadonlySet<string>): boolean {
  return maskPersonalData(text, keep) !== text;
}
