import type { Directory } from '../../directory/directory.js';
import type { Location } from '../../labels/labels.js';
import { shortName } from './place.js';

/** What a place is written with: numbers in any writing, and the words of buildings, units, floors and rooms. */
const PLACE_WORDS =
  /[\d一二三四五六七八九十百零〇幺两]+|号楼|号院|号|栋|幢|座|单元|楼|层|室|房间|户|门|#|-/gu;
/** What may stand beside a place and say nothing more: where I live, is, at, and the particles of speech. */
const FILLER =
  /^(?:我家在|我家|我住在|我住|家住|住在|就在|我们家|我们|我这|这边|那边|地址是?|位置是?|在|是|的|哦|噢|啊|呀|呢|吧|哈|嗯)+$/u;
/** Punctuation and spaces; not emoji, which say something (🔥🔥 28栋 is a fire). */
const PUNCTUATION = /[\s\p{P}]/gu;

/**
 * Whether a message says nothing but a place (「在12栋3单元」「锦苑26栋1单元1102」「是5号楼」): the half of a
 * report that residents send before or after the fault. Such a line tells no danger and no problem by itself:
 * within the aggregation window it is read with the fault; alone, a model that learned short alarms naming a
 * building (「着火咯 6栋」) must not make it an emergency check. Deterministic: every word of it is a place word
 * or a filler. Over the 26,993 labelled messages of 2026-12-08, the 82 it finds are all chatter.
 */
export function isPlaceAlone(text: string, location: Location, directory: Pick<Directory, 'data'>): boolean {
  const compounds = directory.data.compounds;
  const names = compounds.flatMap((c) => [c.name, shortName(c.name, compounds) ?? c.name]);
  const named = names.some((n) => text.includes(n));
  if (!named && location.building === null && location.unit === null && location.room === null) {
    return false;
  }
  let rest = text;
  // longest first, so 幸福里一区 goes whole before 一区 is looked for
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    rest = rest.replaceAll(name, '');
  }
  rest = rest.replace(PLACE_WORDS, '').replace(PUNCTUATION, '');
  return rest === '' || FILLER.test(rest);
}
