import type { Directory } from '../../directory/directory.js';
import type { CompoundData } from '../../directory/schema.js';
import type { Location } from '../../labels/labels.js';
import { firstMatch } from './cue.js';

/** Where the matter is: on a public street, or inside a compound that has (or lacks) a property company. */
export type Place = {
  kind: 'street' | 'compound';
  /** Directory compound name when the text, a building number or the group names one. */
  compound: string | null;
  /** false for an old compound without a property company (老旧小区). */
  hasProperty: boolean;
  /** true when the text itself (a building, unit, compound or 小区) puts it inside a compound. */
  explicit: boolean;
  cues: string[];
};

const STREET = [
  /[\u4e00-\u9fff]{1,3}路(?:上|边|口|面|中段|北段|南段|东头|西头|那段|那边|两边|中间)|马路|辅路|人行道|街上|街边|路边/,
  /(?:菜市场|市场|学校|小学|中学|幼儿园|医院|超市)(?:门口|对面|附近|围墙外|墙外|后面|旁边)|公交站|候车亭|天桥|街心公园|公园|广场(?!舞)/,
  /[\u4e00-\u9fff]{1,2}街(?!道|坊)|东门外|大街|巷子|占道|[\u4e00-\u9fff]{1,3}路[\u4e00-\u9fff]{0,5}(?:那段|这段|一段|段)/,
  // public places by landmark: the river bank, out of the gate, public toilets, markets, crossroads, lanes
  /河边|河堤|河岸|河沿|沿河|滨河|河道|步道|绿道|出了小区|(?:[东南西北大]门|小区)(?:出去|外(?![卖地来婆公包套孙甥语国人]))|公厕|公共厕所|菜市场|农贸市场|十字路口|路口|街口|小路|小巷/,
  // what the fixture calls public along a street: its trees, crossings and shops
  /行道树|人行桥|人行天桥|过街天桥|地下通道|盲道|沿街|商铺|店门口|店铺|门面房/,
];

const IN_COMPOUND = [
  /小区(?:里|内|的|院)|楼道|单元|号楼|[\d一二三四五六七八九十]\s*(?:栋|幢|#)|楼下|楼前|楼后|地库|地下车库|车库|院子|业主|我们楼|这栋楼|整栋楼|物业/,
];

const NO_PROPERTY = /没(?:有)?物业|无物业|没人管的老|老旧小区|老小区|老楼|新村|宿舍|厂里管|也没物业/;
const HAS_PROPERTY = /(?<!没|没有|无|也没)物业(?!费.{0,3}没)/;
const OTHER_COMPOUND =
  /[\u4e00-\u9fff]{2,3}(?:苑|园(?!林)|华庭|家园|新村|小区(?=\d|[一二三四五六七八九十])|宿舍|花园|公寓|嘉园)/;

/** What residents call a compound among its siblings: 幸福里一区 → 一区 (the shared prefix dropped). */
export function shortName(name: string, compounds: ReadonlyArray<{ name: string }>): string | undefined {
  let prefix = 0;
  for (const other of compounds) {
    if (other.name === name) {
      continue;
    }
    let i = 0;
    while (i < name.length && name[i] === other.name[i]) {
      i++;
    }
    prefix = Math.max(prefix, i);
  }
  const alias = name.slice(prefix);
  return prefix > 0 && alias.length >= 2 && alias !== name ? alias : undefined;
}

/**
 * The community's compound a text names, by its name or its short name (一区), if any; of several, the one
 * named first (「听说二区停电了 锦苑会不会也停啊」 is about 二区).
 */
export function namedCompound(text: string, directory: Pick<Directory, 'data'>): CompoundData | undefined {
  let first: { compound: CompoundData; at: number } | undefined;
  for (const c of directory.data.compounds) {
    const alias = shortName(c.name, directory.data.compounds);
    const at = [text.indexOf(c.name), alias === undefined ? -1 : text.indexOf(alias)]
      .filter((i) => i >= 0)
      .reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
    if (Number.isFinite(at) && (!first || at < first.at)) {
      first = { compound: c, at };
    }
  }
  return first?.compound;
}

/** Decides the place from text cues, the directory (building → compound) and, weakly, the group it came from. */
export function resolvePlace(
  text: string,
  location: Location,
  directory: Directory,
  roomTopic?: string,
): Place {
  const cues: string[] = [];
  const named = namedCompound(text, directory);
  const street = directory.data.streets.find((s) => text.includes(s)) ?? firstMatch(text, STREET);
  const inside = firstMatch(text, IN_COMPOUND);
  const other = named ? undefined : OTHER_COMPOUND.exec(text)?.[0];
  let compound = named ?? null;
  if (!compound && !other && location.building !== null) {
    compound = directory.compoundOfBuilding(location.building) ?? null;
  }
  if (!compound && !other && !street && roomTopic) {
    const groupCompound = directory.group(roomTopic)?.compound;
    compound = groupCompound ? (directory.compoundByName(groupCompound) ?? null) : null;
  }
  if (street && !(inside && !/马路|路边|人行道|路上/.test(street))) {
    cues.push(`place:${street}→street`);
    return { kind: 'street', compound: compound?.name ?? null, hasProperty: true, explicit: true, cues };
  }
  let hasProperty = compound ? compound.property !== null : true;
  if (NO_PROPERTY.test(text) && !named) {
    hasProperty = false;
  } else if (compound && !named && !hasProperty && HAS_PROPERTY.test(text)) {
    hasProperty = true;
  }
  const label = compound?.name ?? other ?? '小区';
  cues.push(`place:${label}${hasProperty ? '' : '(无物业)'}`);
  const explicit = Boolean(named || other || inside || location.building !== null || /小区/.test(text));
  return { kind: 'compound', compound: compound?.name ?? null, hasProperty, explicit, cues };
}
