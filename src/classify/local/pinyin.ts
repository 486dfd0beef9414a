import { pinyin } from 'pinyin-pro';

/**
 * What a message sounds like, for the model: residents type with pinyin input methods, so a wrong homophone
 * (着伙了 for 着火了, 救名 for 救命, 煤汽 for 煤气) or pinyin left unconverted (zhaohuole, jiuming) says the same
 * syllables as the word meant. Features of adjacent syllable pairs, toneless, let such text share evidence
 * with the words it stands for, whatever the typo.
 */

/** Readings kept per character: polyphones beyond this are rare readings. */
const MAX_READINGS = 3;
/** The longest pinyin syllable (zhuang, shuang). */
const LONGEST_SYLLABLE = 6;
/** Latin words longer than this are not read as pinyin (URLs, pasted codes). */
const LONGEST_PINYIN_WORD = 30;

const readingsCache = new Map<string, readonly string[]>();

const toneless = (reading: string) => reading.replace(/ü/g, 'v');

/** Every toneless reading of a Chinese character, as a pinyin keyboard types it (着: zhe, zhuo, zhao; 绿: lv). */
function readingsOf(ch: string): readonly string[] {
  let readings = readingsCache.get(ch);
  if (!readings) {
    const all = pinyin(ch, { toneType: 'none', type: 'array', multiple: true }).map(toneless);
    readings = [...new Set(all.filter((r) => /^[a-z]+$/.test(r)))].slice(0, MAX_READINGS);
    readingsCache.set(ch, readings);
  }
  return readings;
}

let syllables: ReadonlySet<string> | undefined;

/** The pinyin syllables (about 410): the readings of the common characters, gathered on first use. */
function syllableSet(): ReadonlySet<string> {
  if (!syllables) {
    let chars = '';
    for (let code = 0x4e00; code <= 0x9fa5; code++) {
      chars += String.fromCharCode(code);
    }
    const readings = pinyin(chars, { toneType: 'none', type: 'array' }).map(toneless);
    syllables = new Set(readings.filter((r) => /^[a-z]+$/.test(r)));
  }
  return syllables;
}

/**
 * A Latin word split into pinyin syllables with as few syllables as possible (zhaohuole → zhao huo le), or
 * undefined when it is not pinyin throughout.
 */
export function splitPinyin(word: string): string[] | undefined {
  if (word.length === 0 || word.length > LONGEST_PINYIN_WORD || !/^[a-z]+$/.test(word)) {
    return undefined;
  }
  const known = syllableSet();
  // fewest[i]: the fewest syllables that spell word[0, i); from[i]: where the last of them starts
  const fewest = new Array<number>(word.length + 1).fill(Number.POSITIVE_INFINITY);
  const from = new Array<number>(word.length + 1).fill(-1);
  fewest[0] = 0;
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - LONGEST_SYLLABLE); start < end; start++) {
      const before = fewest[start] ?? Number.POSITIVE_INFINITY;
      if (before + 1 < (fewest[end] ?? Number.POSITIVE_INFINITY) && known.has(word.slice(start, end))) {
        fewest[end] = before + 1;
        from[end] = start;
      }
    }
  }
  if (!Number.isFinite(fewest[word.length])) {
    return undefined;
  }
  const parts: string[] = [];
  for (let end = word.length; end > 0; end = from[end] ?? 0) {
    parts.unshift(word.slice(from[end] ?? 0, end));
  }
  return parts;
}

/** `p:` features of adjacent syllables: every reading pair of two neighbouring characters of a Chinese run. */
export function addHanPinyin(features: Set<string>, run: readonly string[]): void {
  for (let i = 0; i + 1 < run.length; i++) {
    const left = readingsOf(run[i] ?? '');
    const right = readingsOf(run[i + 1] ?? '');
    for (const a of left) {
      for (const b of right) {
        features.add(`p:${a}_${b}`);
      }
    }
  }
}

/**
 * `p:` features of Latin words typed as pinyin, the same as their characters give: within a word
 * (zhaohuole: zhao_huo, huo_le) and across words in a row that are all pinyin (dianti guanren le). A word
 * that is not pinyin (an English word) breaks the row.
 */
export function addTypedPinyin(features: Set<string>, words: readonly string[]): void {
  let row: string[] = [];
  const flush = () => {
    for (let i = 0; i + 1 < row.length; i++) {
      features.add(`p:${row[i]}_${row[i + 1]}`);
    }
    row = [];
  };
  for (const word of words) {
    const parts = splitPinyin(word);
    if (parts) {
      row.push(...parts);
    } else {
      flush();
    }
  }
  flush();
}
