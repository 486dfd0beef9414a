import { describe, expect, it } from 'vitest';
import { extractLocation } from '../../../../src/classify/local/location.js';
import { isPlaceAlone } from '../../../../src/classify/local/place-alone.js';
import { loadDirectory } from '../../../../src/directory/load-directory.js';
import { classify } from './helpers.js';

const directory = loadDirectory();
const alone = (text: string) => isPlaceAlone(text, extractLocation(text), directory);

describe('a place alone', () => {
  it('is a message of place words and fillers only, in any writing', () => {
    for (const text of [
      '在12栋3单元',
      '锦苑26栋1单元1102',
      '是5号楼2单元',
      '我家在3号楼',
      '幸福里二区15号楼',
      '二区 十五号楼 三单元',
      '25-1-902',
      '8号楼2单元502室。',
    ]) {
      expect(alone(text), text).toBe(true);
    }
  });

  it('is not a place with anything more: a fault, a call for help, emoji, or no place at all', () => {
    for (const text of [
      '12栋3单元 快来人',
      '5号楼电梯坏了',
      '🔥🔥🔥 28栋!!! 🚒🚒',
      '6栋⚡❌',
      '在吗',
      '收到',
      '3楼',
    ]) {
      expect(alone(text), text).toBe(false);
    }
  });

  it('is never an emergency check, while the same place with a danger still is an emergency', async () => {
    const place = await classify('在12栋3单元');
    expect(place.emergency_check).toBe(false);
    expect(place.intent).not.toBe('emergency');
    expect(place.cues).toContain('place-alone');
    const danger = await classify('12栋3单元 着火了 快来人');
    expect(danger.intent === 'emergency' || danger.emergency_check).toBe(true);
  });
});
