import { describe, expect, it } from 'vitest';
import { parseReplayScript } from '../../../src/replay/replay-script.js';

describe('parseReplayScript', () => {
  it('reads messages, photos and clock ticks in time order', () => {
    const result = parseReplayScript(
      [
        '{"at":"2026-11-30T09:00:00+08:00","room":"幸福里一区业主群","from":"王阿姨","text":"3号楼电梯又坏了"}',
        '',
        '{"at":"2026-11-30T09:06:00+08:00","room":"幸福里一区业主群","from":"王阿姨","image":"photo.jpg"}',
        '{"at":"2026-12-01T12:00:00+08:00","tick":true}',
      ].join('\n'),
    );

    expect(result.success && result.events.map((e) => e.text ?? e.image ?? 'tick')).toEqual([
      '3号楼电梯又坏了',
      'photo.jpg',
      'tick',
    ]);
  });

  it.each([
    ['{"at":"2026-11-30T09:00:00+08:00","from":"王阿姨"}', 'line 1'],
    ['not json', 'line 1: not JSON'],
    ['{"at":"yesterday","from":"王阿姨","text":"x"}', 'line 1'],
    ['{"at":"2026-11-30T09:00:00+08:00","text":"no sender"}', 'line 1'],
  ])('refuses a bad line, naming it: %s', (line, expected) => {
    const result = parseReplayScript(line);

    expect(result.success).toBe(false);
    expect(!result.success && result.error).toContain(expected);
  });

  it('refuses events out of time order', () => {
    const result = parseReplayScript(
      '{"at":"2026-11-30T10:00:00+08:00","tick":true}\n{"at":"2026-11-30T09:00:00+08:00","tick":true}',
    );

    expect(!result.success && result.error).toBe('line 2: events must be in time order');
  });

  it('reads a time without an offset as China time, whatever the machine’s time zone', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const result = parseReplayScript(
        [
          '{"at":"2026-11-30T09:00:00","room":"幸福里一区业主群","from":"王阿姨","text":"3号楼电梯又坏了"}',
          '{"at":"2026-11-30 09:30","tick":true}',
          '{"at":"2026-11-30T02:00:00Z","tick":true}',
        ].join('\n'),
      );

      expect(result.success && result.events.map((e) => new Date(e.at).toISOString())).toEqual([
        '2026-11-30T01:00:00.000Z',
        '2026-11-30T01:30:00.000Z',
        '2026-11-30T02:00:00.000Z',
      ]);
    } finally {
      if (zone === undefined) {
        delete process.env.TZ;
      } else {
        process.env.TZ = zone;
      }
    }
  });
});
