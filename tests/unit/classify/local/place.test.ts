import { describe, expect, it } from 'vitest';
import { namedCompound } from '../../../../src/classify/local/place.js';
import { loadDirectory } from '../../../../src/directory/load-directory.js';

const directory = loadDirectory();
const named = (text: string) => namedCompound(text, directory)?.name;

describe('namedCompound', () => {
  it('reads a compound by its name or its short name', () => {
    expect(named('锦苑26栋停电了')).toBe('锦苑');
    expect(named('二区16号楼停电了')).toBe('幸福里二区');
    expect(named('幸福里一区东门')).toBe('幸福里一区');
    expect(named('明德路上的路灯')).toBeUndefined();
  });

  it('takes the compound named first when a text names several, whether by name or short name', () => {
    expect(named('听说二区停电了 锦苑会不会也停啊')).toBe('幸福里二区');
    expect(named('锦苑这边也停电了 跟二区一样')).toBe('锦苑');
    expect(named('一区有水吗？幸福里二区那边停了')).toBe('幸福里一区');
  });
});
