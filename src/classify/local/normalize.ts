/** Common misspellings in residents' messages (IME slips), mapped to the intended word. */
const TYPOS: ReadonlyArray<readonly [RegExp, string]> = [
  [/电悌/g, '电梯'],
  [/然气/g, '燃气'],
  [/暖器/g, '暖气'],
  [/渗漏水/g, '渗水'],
];

/** Full-width to half-width, lower case, typo fixes and collapsed spaces; keeps Chinese as is. */
export function normalizeText(text: string): string {
  let out = text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  out = out.replace(/\u3000/g, ' ').toLowerCase();
  for (const [pattern, replacement] of TYPOS) {
    out = out.replace(pattern, replacement);
  }
  return out.replace(/\s+/g, ' ').trim();
}
