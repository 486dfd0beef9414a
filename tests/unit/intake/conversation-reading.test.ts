import { describe, expect, it } from 'vitest';
import { isAgreement, isQuestionForm } from '../../../src/intake/conversation-cues.js';
import { notifiesAt } from '../../../src/intake/join-ticket.js';
import { parseQuote } from '../../../src/intake/quote.js';

const DASHES = '- - - - - - - - - - - - - - -';

describe('WeChat quoted replies', () => {
  it('splits the quote (context) from the new part (the message), in either order', () => {
    expect(parseQuote(`「王阿姨：3号楼电梯又坏了」\n${DASHES}\n我家也是`)).toEqual({
      quoted: { name: '王阿姨', text: '3号楼电梯又坏了' },
      text: '我家也是',
    });
    expect(parseQuote(`我家也是\n${DASHES}\n「王阿姨：3号楼电梯又坏了」`).quoted?.name).toBe('王阿姨');
  });

  it('leaves a message without a quote as it is, dashes or not', () => {
    expect(parseQuote('3号楼电梯又坏了')).toEqual({ quoted: null, text: '3号楼电梯又坏了' });
    expect(parseQuote(`通知\n${DASHES}\n明天停水`)).toEqual({
      quoted: null,
      text: `通知\n${DASHES}\n明天停水`,
    });
  });
});

describe('conversation cues', () => {
  it.each(['我家也是', '+1', '我们楼也这样', '确实，我也听到了', '我们单元也是，等了半天'])(
    'reads 「%s」 as agreeing with a quoted report',
    (text) => expect(isAgreement(text)).toBe(true),
  );
  it.each(['王阿姨您先别急，我帮您拎上去', '谢谢', '几点修好？'])(
    'does not read 「%s」 as agreement',
    (text) => expect(isAgreement(text)).toBe(false),
  );
  it('tells a question by its form', () => {
    expect(isQuestionForm('物业电话多少')).toBe(true);
    expect(isQuestionForm('周末开门吗')).toBe(true);
    expect(isQuestionForm('今天天气不错')).toBe(false);
  });
});

describe('co-report notices', () => {
  it('tell the assignees at a few counts, so a burst of 20 is 5 notices each', () => {
    const counts = Array.from({ length: 20 }, (_, i) => i + 2).filter(notifiesAt);
    expect(counts).toEqual([2, 3, 5, 10, 20]);
    expect(notifiesAt(50)).toBe(true);
    expect(notifiesAt(49)).toBe(false);
  });
});
