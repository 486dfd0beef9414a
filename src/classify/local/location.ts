import type { Location } from '../../labels/labels.js';
import { parseNumeral } from './numerals.js';

const NUM = '(\\d{1,3}|[一二三四五六七八九十〇零]{1,4})';
/** Units after a number that make it a count, duration, price or floor, never a building. */
const NOT_PLACE_AFTER = '(?![\\d天个次年月日号点元块人岁小时分钟米层楼斤度周%:])(?!\\.\\d)';

const TRIPLE = /(?<![\d.:\-/])(\d{1,3})-(\d{1,2})-(\d{3,4})(?!\d)/;
const PAIR = new RegExp(`(?<![\\d.:\\-/])(\\d{1,3})-(\\d{1,2})${NOT_PLACE_AFTER}(?![\\-])`);
// 至/到 only make a range after a number (1到10号楼); 跑到11栋 names building 11
// 同一栋、这一栋、哪一栋 are the same, this or which building, not building 1 (同26座 is building 26)
const BUILDING = new RegExp(
  `(?<![\\d\\-~几两])(?!(?<=[同这那哪每])一)(?<![\\d一二三四五六七八九十]\\s*[至到])${NUM}\\s*(?:号楼|号院|栋|幢|#楼?|号?座(?!位))(?:楼)?`,
);
// 18号2单元: a number with 号 right before a unit is the building (3月18号 is a date)
const BUILDING_BEFORE_UNIT = new RegExp(
  `(?<![\\d\\-~几两月])${NUM}\\s*号(?=\\s*(?:\\d{1,2}|[一二三四五六七八九十])\\s*单元)`,
);
// English and toneless pinyin: building 9, bldg 9, tower 9, block 9; 9 building, 9 hao lou, 9 dong
const BUILDING_EN = /\b(?:building|bldg\.?|block|tower)\s*#?(\d{1,3})\b/;
const BUILDING_EN_AFTER = /\b(\d{1,3})\s*(?:hao\s*lou|dong|building)\b/;
const UNIT = new RegExp(`${NUM}\\s*单元`);
const UNIT_EN = /\bunit\s*#?(\d{1,2})\b|\b(\d{1,2})\s*danyuan\b/;
const ROOM_AFTER =
  /^\s*(?:\d{1,2}\s*单元\s*)?(?:\d{1,2}\s*[楼层]\s*)?(\d{3,4})(?![\d楼层元块平度分岁米斤号点%.:])/;
const ROOM_MARKED = /(?<![\d.])(\d{3,4})\s*(?:室|号房|房间)/;
const ROOM_EN = /\b(?:room|rm\.?|apartment|apt\.?|flat)\s*#?(\d{3,4})\b/;
const ROOM_HOME = /(?:我家|家住|住在)\s*(\d{3,4})(?![\d楼层元块平度分岁米斤号点%.:])/;
/**
 * A room said digit by digit, as voice input and many older residents give it (三零一, 一二零一, 一零零二, 幺幺零二: 幺
 * is the spoken 1): a floor of one or two digits, 零, and a door; read only beside a building or unit named, and
 * never a year, a count, a bus line or a school.
 */
const ROOM_SPOKEN =
  /(?<![零〇一二两三四五六七八九十百千幺\d])([一二三四五六七八九幺][零〇一二三四五六七八九幺]?[零〇][一二三四五六七八九幺])(?![零〇一二两三四五六七八九十百千幺\d年月日号楼栋层点分岁元块个次米斤度路中小])/;

/**
 * A writer correcting themselves (「3号楼 哦不对 4号楼」, 「25栋1单元 说错了 2单元」): the label contract counts the
 * corrected place.
 */
const BARE_ROOM = /^\s*(?:是)?\s*(\d{3,4})(?![\d楼层元块平度分岁米斤号点%.:])/;
const CORRECTION = /(?:[哦噢喔呃]\s*)?(?:不对(?!劲)|说错了?|打错了?|写错了?|搞错了?|更正)|[哦噢喔呃]\s*不是/g;

/**
 * Building, unit and room named by the text, in any common writing; floors, gates, dates and prices are not
 * places. After a self-correction (CORRECTION) what the writer names afterwards replaces what they named
 * before: a new building brings its own unit and room, a new unit or room keeps the building.
 */
export function extractLocation(text: string): Location {
  const corrections = [...text.matchAll(CORRECTION)];
  const last = corrections.at(-1);
  if (last?.index === undefined) {
    return extractOnce(text);
  }
  const before = extractLocation(text.slice(0, last.index));
  const after = extractOnce(text.slice(last.index + last[0].length));
  if (after.building !== null) {
    return after;
  }
  // 「502 不对 503」: a bare number corrects the room named before
  const room =
    after.room ??
    (before.room !== null ? toInt(BARE_ROOM.exec(text.slice(last.index + last[0].length))?.[1]) : null);
  return {
    building: before.building,
    unit: after.unit ?? before.unit,
    room: room ?? (after.unit !== null ? null : before.room),
  };
}

function extractOnce(text: string): Location {
  const triple = TRIPLE.exec(text);
  if (triple) {
    return { building: toInt(triple[1]), unit: toInt(triple[2]), room: toInt(triple[3]) };
  }
  let building: number | null = null;
  let room: number | null = null;
  let rest = '';
  const b = BUILDING.exec(text) ?? BUILDING_BEFORE_UNIT.exec(text);
  const bEn = BUILDING_EN.exec(text) ?? BUILDING_EN_AFTER.exec(text);
  if (b) {
    building = toInt(b[1]);
    rest = text.slice(b.index + b[0].length);
  } else if (bEn) {
    building = toInt(bEn[1]);
    rest = text.slice(bEn.index + bEn[0].length);
  }
  const unitEn = UNIT_EN.exec(text);
  let unit = toInt(UNIT.exec(rest || text)?.[1] ?? unitEn?.[1] ?? unitEn?.[2]);
  const pair = PAIR.exec(text);
  if (pair && Number(pair[2]) <= 9 && (building === null || (unit === null && toInt(pair[1]) === building))) {
    // 5-2: building 5, unit 2 (also after "building 26 … 26-2")
    building = toInt(pair[1]);
    unit = toInt(pair[2]);
    rest ||= text.slice(pair.index + pair[0].length);
  }
  if (rest) {
    const after = ROOM_AFTER.exec(rest.replace(/^\s*[一二三四五六七八九十]\s*单元/, ''));
    room = toInt(after?.[1]);
  }
  room ??= toInt(ROOM_MARKED.exec(text)?.[1] ?? ROOM_EN.exec(text)?.[1] ?? ROOM_HOME.exec(text)?.[1]);
  if (room === null && (building !== null || unit !== null)) {
    room = toInt(ROOM_SPOKEN.exec(text)?.[1]?.replaceAll('幺', '一'));
  }
  return { building, unit, room };
}

/** Every building the text names (「9号楼和10号楼中间」 names 9 and 10), in order, each once. */
export function namedBuildings(text: string): number[] {
  const all = new RegExp(BUILDING.source, 'g');
  const found = [...text.matchAll(all)].map((m) => toInt(m[1])).filter((n): n is number => n !== null);
  return [...new Set(found)];
}

function toInt(raw: string | undefined): number | null {
  if (raw === undefined) {
    return null;
  }
  const n = parseNumeral(raw);
  return Number.isFinite(n) && n > 0 ? n : null;
}
