import type { Body } from '../labels/labels.js';
import { isSeparator } from './normalize.js';

export type BodyResolver = (name: string) => Body | undefined;

/** The short names every community shares (the chat vocabulary); full names come from the directory. */
export const STANDARD_BODY_NAMES: ReadonlyMap<string, Body> = new Map<string, Body>([
  ['居委会', 'committee'],
  ['物业', 'property'],
  ['街道', 'street_office'],
  ['街道办', 'street_office'],
  ['城管', 'urban_mgmt'],
  ['住建', 'housing'],
  ['派出所', 'police'],
  ['交警', 'traffic_police'],
  ['市场监管', 'market'],
  ['环保', 'environment'],
  ['民政', 'civil_affairs'],
  ['人社', 'hrss'],
  ['卫健', 'health'],
  ['消防', 'fire'],
  ['供水', 'water_co'],
  ['供电', 'power_co'],
  ['燃气', 'gas_co'],
  ['供热', 'heating_co'],
  ['园林', 'landscaping'],
  ['市政', 'municipal'],
]);

/** The caller's resolver (the directory's findBody) first, then the shared short names. */
export function withStandardNames(resolve: BodyResolver | undefined): BodyResolver {
  return (name) => {
    const found = resolve?.(name);
    return found && found !== 'none' ? found : STANDARD_BODY_NAMES.get(name);
  };
}

export type BodyToken = { body: Body; end: number };

const MAX_NAME_LENGTH = 32;
// Joins several bodies in 吹哨; 和 is only a joiner between names, as 住房和城乡建设局 contains it.
const JOINER = /[和及与跟+&/]/u;

/** The longest body name starting at `pos`, so 市场监管 wins over 市场 and 城管理由 reads 城管 + 理由. */
export function readBody(text: string, pos: number, resolve: BodyResolver): BodyToken | null {
  let limit = pos;
  while (limit < text.length && limit - pos < MAX_NAME_LENGTH && !isSeparator(text[limit])) {
    limit++;
  }
  for (let end = limit; end > pos; end--) {
    const body = resolve(text.slice(pos, end));
    if (body) {
      return { body, end };
    }
  }
  return null;
}

/** The separators and joiners between bodies of a 吹哨 list. */
export function skipBodySeparators(text: string, pos: number): number {
  let at = pos;
  while (at < text.length && (isSeparator(text[at]) || JOINER.test(text[at] ?? ''))) {
    at++;
  }
  return at;
}

/** The word at `pos` up to the next separator, to name an unknown body. */
export function wordAt(text: string, pos: number): string {
  let end = pos;
  while (end < text.length && !isSeparator(text[end])) {
    end++;
  }
  return text.slice(pos, end);
}
