import type { StatsPeriod } from '../stats/period.js';
import { CHINESE_DIGITS } from '../text/chinese-digits.js';
import type { BlockerReason } from '../tickets/blockers.js';

/** A number read at a position: `value` is null when it is written but unusable (0, too large). */
export type NumberToken = { value: number | null; end: number };

const HASH_TICKET = /^#\s*([0-9]+)号?/u;
// 12楼 / 12层 / 12单元 are places, not ticket 12; 12号 is a ticket unless 号楼 follows.
const PLAIN_TICKET = /^([0-9]+)(?![0-9楼栋幢层单元室]|号[楼栋幢层单元室院门])号?/u;
const MAX_DIGITS = 16; // Number.MAX_SAFE_INTEGER has 16 digits

/** A ticket number written 12, #12 or 12号 (after normalization ＃１２ is #12). */
export function readTicket(text: string, pos: number): NumberToken | null {
  const rest = text.slice(pos);
  const match = HASH_TICKET.exec(rest) ?? PLAIN_TICKET.exec(rest);
  if (!match?.[1]) {
    return null;
  }
  return { value: positiveInteger(match[1]), end: pos + match[0].length };
}

function positiveInteger(digits: string): number | null {
  const trimmed = digits.replace(/^0+/, '');
  if (trimmed.length === 0 || trimmed.length > MAX_DIGITS) {
    return null;
  }
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** 1–99 written in Chinese (三, 十二, 二十三); null for anything else. */
export function chineseNumber(word: string): number | null {
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(word);
  if (!match || word.length === 0) {
    return null;
  }
  const [, first, ten, last] = match;
  if (!ten) {
    return first && !last ? (CHINESE_DIGITS[first] ?? null) : null;
  }
  const tens = first ? (CHINESE_DIGITS[first] ?? 0) : 1;
  return tens * 10 + (last ? (CHINESE_DIGITS[last] ?? 0) : 0);
}

const SCORE = /^([0-9]+|[一二两三四五六七八九十]+)\s*(?:分|星|颗星)?$/u;

/** A rating 1–5 written 5, 五, 5分 or 5星; null when it is not one. */
export function parseScore(word: string): number | null {
  const match = SCORE.exec(word);
  if (!match?.[1]) {
    return null;
  }
  const value = /^[0-9]+$/.test(match[1]) ? Number(match[1]) : chineseNumber(match[1]);
  return value !== null && value >= 1 && value <= 5 ? value : null;
}

const PERIODS: ReadonlyMap<string, StatsPeriod> = new Map([
  ['', 'today'],
  ['今天', 'today'],
  ['今日', 'today'],
  ['today', 'today'],
  ['本周', 'week'],
  ['这周', 'week'],
  ['本星期', 'week'],
  ['这星期', 'week'],
  ['week', 'week'],
  ['本月', 'month'],
  ['这个月', 'month'],
  ['这月', 'month'],
  ['month', 'month'],
]);

/** Words for the 卡点 reasons; the longest one the text starts with wins. */
const BLOCKER_WORDS: ReadonlyArray<[string, BlockerReason]> = (
  [
    ['资金', 'money'],
    ['经费', 'money'],
    ['缺钱', 'money'],
    ['钱', 'money'],
    ['费用', 'money'],
    ['物资', 'materials'],
    ['材料', 'materials'],
    ['配件', 'materials'],
    ['设备', 'materials'],
    ['权限', 'powers'],
    ['执法', 'powers'],
    ['职权', 'powers'],
    ['无权', 'powers'],
    ['部门', 'another_body'],
    ['其他部门', 'another_body'],
    ['协调', 'another_body'],
    ['跨部门', 'another_body'],
    ['居民', 'resident'],
    ['住户', 'resident'],
    ['业主', 'resident'],
    ['当事人', 'resident'],
    ['政策', 'policy'],
    ['规定', 'policy'],
  ] as Array<[string, BlockerReason]>
).sort((a, b) => b[0].length - a[0].length);

/** The 卡点 reason a text starts with (资金, 物资, 权限, 部门, 居民, 政策 and their variants), and where it ends. */
export function readBlockerReason(text: string, pos: number): { reason: BlockerReason; end: number } | null {
  const hit = BLOCKER_WORDS.find(([word]) => text.startsWith(word, pos));
  return hit ? { reason: hit[1], end: pos + hit[0].length } : null;
}

/** 今天/本周/本月 and their variants; an empty word means today. */
export function parsePeriod(word: string): StatsPeriod | null {
  return PERIODS.get(word.toLowerCase()) ?? null;
}

const BUILDING = /^([0-9]+|[一二两三四五六七八九十]+)\s*(?:号楼|号|栋|幢|楼)?$/u;

/** A building number written 3, 3号楼, 3栋 or 三号楼; `value` null when written but not usable. */
export function parseBuilding(word: string): NumberToken | null {
  const match = BUILDING.exec(word);
  if (!match?.[1]) {
    return null;
  }
  const value = /^[0-9]+$/.test(match[1]) ? positiveInteger(match[1]) : chineseNumber(match[1]);
  return { value, end: word.length };
}
