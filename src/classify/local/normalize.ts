import { Converter } from 'opencc-js/t2cn';

/** Common misspellings in residents' messages (IME slips), mapped to the intended word. */
const TYPOS: ReadonlyArray<readonly [RegExp, string]> = [
  [/电悌|电体|点梯/g, '电梯'],
  [/(?<!燃)然气|燃汽/g, '燃气'],
  [/煤汽/g, '煤气'],
  [/暖器|暧气/g, '暖气'],
  [/渗漏水/g, '渗水'],
  // pinyin-IME homophones of the words residents type most
  [/垃极|拉圾|垃级|拉极|腊鸡/g, '垃圾'],
  [/物叶|勿业|物页/g, '物业'],
  [/楼到(?=灯|里|口)/g, '楼道'],
  [/井该|井蓋/g, '井盖'],
  [/路等(?=坏|不亮|灭|不|也)/g, '路灯'],
  [/跳匝/g, '跳闸'],
  [/消方/g, '消防'],
  [/燥音|噪间/g, '噪音'],
  [/违见/g, '违建'],
  [/漏谁/g, '漏水'],
  [/单远/g, '单元'],
  [/(?<=\d|[一二三四五六七八九十])(?:号搂|号娄)/g, '号楼'],
  // dialect: 咋/啥/俺/侬/木有 to the standard words the rules use
  [/咋(?=办|整|弄|申请|交|开|充|补|回事|样|没|不|还|又|就|都|这么|那么|处理|报|领|搞|知道|能)/g, '怎么'],
  [/为啥/g, '为什么'],
  [/啥/g, '什么'],
  [/俺们/g, '我们'],
  [/俺/g, '我'],
  [/侬/g, '你'],
  [/木有|冇得?/g, '没有'],
];

let toSimplified: ((text: string) => string) | undefined;

/** Traditional (Hong Kong and Taiwan) characters to simplified ones, so 樓 and 楼 are one feature. */
function simplified(text: string): string {
  const convert = toSimplified ?? Converter({ from: 'hk', to: 'cn' });
  toSimplified = convert;
  return convert(text);
}

/** Full-width to half-width, simplified characters, lower case, typo fixes and collapsed spaces. */
export function normalizeText(text: string): string {
  let out = simplified(text).replace(/[\uff01-\uff5e]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
  out = out.replace(/\u3000/g, ' ').toLowerCase();
  for (const [pattern, replacement] of TYPOS) {
    out = out.replace(pattern, replacement);
  }
  return out.replace(/\s+/g, ' ').trim();
}
