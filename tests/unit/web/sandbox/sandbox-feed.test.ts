import { describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../../../src/tickets/outbox.js';
import { FEED_PAGE, SandboxFeed } from '../../../../src/web/sandbox/sandbox-feed.js';

const NOW = new Date('2026-12-01T09:05:00+08:00');
const GROUP = '幸福里一区业主群';

function feed(capacity?: number): SandboxFeed {
  return new SandboxFeed({
    botName: '社区哨子',
    now: () => NOW,
    roleOf: (name) => (name === '李明' ? '第一网格网格员' : '居民'),
    ...(capacity === undefined ? {} : { capacity }),
  });
}

const groupReply = (text: string): OutboxMessage => ({
  room: GROUP,
  roomId: 'room-1',
  to: null,
  toId: null,
  mentions: ['王阿姨'],
  mentionIds: ['wxid-1'],
  text,
});

describe('SandboxFeed', () => {
  it('keeps what people said and what the bot sent, in order, with who, where and when', () => {
    const f = feed();

    f.said({ id: 'm1', from: '王阿姨', room: GROUP, text: '楼道灯坏了', mention: true });
    f.sent(groupReply('收到，工单 #1'));
    f.said({ id: 'm2', from: '李明', room: null, text: '我的工单' });
    f.sent({ ...groupReply('您手上的工单：#1'), room: null, roomId: null, to: '李明', mentions: [] });

    const { entries, last, more, reset } = f.after(0);
    expect({ last, more, reset }).toEqual({ last: 4, more: false, reset: false });
    expect(entries).toEqual([
      {
        seq: 1,
        at: '12月1日 09:05',
        room: GROUP,
        peer: null,
        from: '王阿姨',
        bot: false,
        role: '居民',
        kind: 'text',
        text: '楼道灯坏了',
        mentions: ['社区哨子'],
      },
      expect.objectContaining({ seq: 2, bot: true, from: '社区哨子', mentions: ['王阿姨'], peer: null }),
      expect.objectContaining({ seq: 3, room: null, peer: '李明', role: '第一网格网格员' }),
      expect.objectContaining({ seq: 4, room: null, peer: '李明', bot: true, text: '您手上的工单：#1' }),
    ]);
  });

  it('shows a photo or voice by its file name, never its bytes', () => {
    const f = feed();

    f.said({ id: 'm1', from: '王阿姨', room: GROUP, image: 'leak.png', bytes: 'iVBORw0KGgo=' });
    f.said({ id: 'm2', from: '王阿姨', room: GROUP, voice: 'voice.sil', bytes: 'AAAA' });

    const entries = f.after(0).entries;
    expect(entries.map((e) => [e.kind, e.text])).toEqual([
      ['photo', 'leak.png'],
      ['voice', 'voice.sil'],
    ]);
    expect(JSON.stringify(entries)).not.toContain('iVBOR');
  });

  it('answers only what came after the given seq, a page at a time', () => {
    const f = feed();
    for (let i = 0; i < FEED_PAGE + 5; i++) {
      f.said({ id: `m${i}`, from: '王阿姨', room: GROUP, text: `第${i}条` });
    }

    const first = f.after(0);
    const second = f.after(first.last);
    const none = f.after(second.last);

    expect([first.entries.length, first.last, first.more]).toEqual([FEED_PAGE, FEED_PAGE, true]);
    expect(second.entries.map((e) => e.seq)).toEqual([201, 202, 203, 204, 205]);
    expect(second.more).toBe(false);
    expect(none).toEqual({ entries: [], last: FEED_PAGE + 5, more: false, reset: false });
  });

  it('is bounded: past its capacity the oldest entries are dropped', () => {
    const f = feed(3);
    for (let i = 1; i <= 5; i++) {
      f.said({ id: `m${i}`, from: '王阿姨', room: GROUP, text: `第${i}条` });
    }

    expect(f.after(0).entries.map((e) => e.text)).toEqual(['第3条', '第4条', '第5条']);
    expect(f.after(4).entries.map((e) => e.text)).toEqual(['第5条']);
  });

  it('tells a client that is ahead of it (the bot restarted) to start again', () => {
    const f = feed();
    f.said({ id: 'm1', from: '王阿姨', room: GROUP, text: '你好' });

    const page = f.after(40);

    expect(page.reset).toBe(true);
    expect(page.entries.map((e) => e.seq)).toEqual([1]);
  });
});
