import { describe, expect, it } from 'vitest';
import { replayScript as replay } from '../../helpers/replay.js';

describe('shaozi replay: reading the group', () => {
  it('makes one ticket of two residents reporting the same lift, with a co-reporter and "2位居民"', async () => {
    const { lines, tickets } = await replay('tests/fixtures/replay/intake-same-lift.jsonl');

    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({
      number: 1,
      category: 'elevator',
      reporter: '王阿姨',
      co_reporters: ['陈大爷'],
    });
    expect(tickets[0]?.events.map((e) => e.type)).toEqual(['created', 'co_reporter_added']);
    const second = lines.find((l) => l.room === '幸福里一区业主群' && l.mentions.includes('陈大爷'));
    expect(second).toMatchObject({ at: '2026-11-30T09:20:00+08:00' });
    expect(second?.text).toContain('#1');
    expect(second?.text).toContain('已有2位居民反映');
  });

  it('reads a message split across two lines within 60 s as one ticket with the building', async () => {
    const { lines, tickets } = await replay('tests/fixtures/replay/intake-split-message.jsonl');

    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({
      category: 'elevator',
      reporter: '王阿姨',
      text: '5号楼，电梯又坏了，老人下不了楼',
      location: { building: 5 },
    });
    const groupReplies = lines.filter((l) => l.room === '幸福里一区业主群');
    expect(groupReplies).toHaveLength(1);
    expect(groupReplies[0]).toMatchObject({ at: '2026-11-30T09:00:40+08:00', mentions: ['王阿姨'] });
    expect(groupReplies[0]?.text).toContain('#1');
  });
});
