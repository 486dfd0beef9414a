import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import { intakeOrderKey, intakePartition } from '../../../src/intake/intake-order.js';
import { intakePartitionOf } from '../../../src/queue/jobs.js';

const directory = loadDirectory();

describe('intakeOrderKey', () => {
  const message = { roomId: 'r1', senderId: 'wx-1', sender: '王阿姨' };
  it('keeps a compound’s groups in one order, other compounds and private chats in their own', () => {
    const one = intakeOrderKey({ ...message, room: '幸福里一区业主群' }, directory);
    expect(one).toBe('compound:幸福里一区');
    expect(intakeOrderKey({ ...message, room: '锦苑邻里群' }, directory)).not.toBe(one);
    expect(intakeOrderKey({ ...message, room: null }, directory)).toBe('person:wx-1');
    expect(intakeOrderKey({ ...message, room: '不认识的群' }, directory)).toBe('room:r1');
  });
});

describe('intakePartition', () => {
  const compounds = directory.data.compounds.map((c) => `compound:${c.name}`);

  it('gives each compound a partition of its own when there are as many partitions as compounds', () => {
    const parts = compounds.map((k) => intakePartition(k, compounds.length, directory));
    expect(new Set(parts).size).toBe(compounds.length);
    // and shares them in turn when there are fewer
    expect(compounds.map((k) => intakePartition(k, 2, directory))).toEqual(compounds.map((_, i) => i % 2));
  });

  it('puts any other conversation by a hash that is the same every time, within the partitions', () => {
    const keys = Array.from({ length: 400 }, (_, i) => `person:wx-${i}`);
    const parts = keys.map((k) => intakePartition(k, 8, directory));
    expect(keys.map((k) => intakePartitionOf(k, 8))).toEqual(parts);
    expect(parts.every((p) => Number.isInteger(p) && p >= 0 && p < 8)).toBe(true);
    // spread: every partition gets some of 400 private chats, none more than twice its share
    const counts = Array.from({ length: 8 }, (_, p) => parts.filter((x) => x === p).length);
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan(100);
  });
});
