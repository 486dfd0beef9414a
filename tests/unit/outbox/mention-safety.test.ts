import { describe, expect, it } from 'vitest';
import { answerTo, safeToMention } from '../../../src/outbox/address.js';
import type { SeenMessage } from '../../../src/tickets/ticket-store.js';

const message = (sender: string): SeenMessage => ({
  key: 'k',
  roomId: 'room-1',
  room: '幸福里一区业主群',
  senderId: 'wx-1',
  sender,
  text: '3号楼电梯坏了',
  kind: 'text',
  mentionsBot: false,
  sentAt: new Date(0),
  receivedAt: new Date(0),
});

describe('@-mentions of residents in a group', () => {
  it('repeats ordinary names, including nicknames with digits and emoji', () => {
    for (const name of ['王阿姨', '3号楼王阿姨', '锦苑-小周', 'Amy', '快乐每一天🌸']) {
      expect(safeToMention(name)).toBe(true);
    }
  });

  it('never puts a sentence in the bot’s mouth: such a sender is answered without the @', () => {
    const name = '所有人 紧急通知：今晚停水，每户交押金500元';
    expect(safeToMention(name)).toBe(false);
    const reply = answerTo(message(name), '已收到，工单 #1。');
    expect(reply).toMatchObject({ room: '幸福里一区业主群', mentions: [], text: '已收到，工单 #1。' });
    expect(answerTo(message('王阿姨'), 'x').mentions).toEqual(['王阿姨']);
  });
});
