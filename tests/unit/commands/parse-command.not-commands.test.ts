import { describe, expect, it } from 'vitest';
import { command, parse } from './parse-fixtures.js';

const CHAT = [
  '3号楼电梯又坏了',
  '3号楼电梯又坏了，老人下不了楼',
  '我的天 进度太慢了',
  '满意度调查什么时候',
  '统计局的人来了吗',
  '帮助一下老人',
  '进度太慢了',
  '补充一下，3号楼的电梯也坏了',
  '撤回了',
  '不满意这个物业',
  '评价一下这个物业',
  '接单了吗',
  '进展顺利吗',
  '办结了没有',
  '完成了吗',
  '转派给谁了',
  '退回来了',
  '吹哨报到是什么意思',
  '报到了',
  '查询一下社保怎么交',
  '超时了还没人来',
  '统计一下人数',
  '找楼下的王阿姨',
  '查楼道灯',
  '认领什么',
  '电梯坏了，进度 12 怎么样',
  '请问 进度 12',
  '@李明 进度 12',
  '@社区哨子 3号楼电梯又坏了',
  '12',
  '#12',
  '＃１２',
  '',
  '   ',
  '\u3000',
  '👍',
  '1',
  '2',
  '?是什么意思',
  'helpme',
  'statusquo',
  'mine craft',
  '进度12楼',
  '补充12楼也漏水',
  '谢谢大家',
];

describe('parseCommand: ordinary chat', () => {
  it.each(CHAT)('%j is not a command', (text) => {
    expect(parse(text)).toEqual({ kind: 'none' });
  });
});

describe('parseCommand: a pending confirmation question', () => {
  const awaiting = { awaitingConfirmation: true };

  it('reads 1 as satisfied and 2 as unsatisfied', () => {
    expect(parse('1', awaiting)).toEqual(command({ name: 'confirm', ticket: null }));
    expect(parse('１。', awaiting)).toEqual(command({ name: 'confirm', ticket: null }));
    expect(parse('2', awaiting)).toEqual(command({ name: 'reject', ticket: null, reason: null }));
    expect(parse('@社区哨子 2', awaiting)).toEqual(command({ name: 'reject', ticket: null, reason: null }));
  });

  it('does not read other numbers or places as answers', () => {
    expect(parse('12', awaiting)).toEqual({ kind: 'none' });
    expect(parse('3', awaiting)).toEqual({ kind: 'none' });
    expect(parse('1号楼又停水了', awaiting)).toEqual({ kind: 'none' });
    expect(parse('2 还是不行', awaiting)).toEqual({ kind: 'none' });
  });

  it('reads 满意 with thanks as a confirmation', () => {
    expect(parse('满意，谢谢师傅', awaiting)).toEqual(command({ name: 'confirm', ticket: null }));
    expect(parse('满意 12 谢谢', awaiting)).toEqual(command({ name: 'confirm', ticket: 12 }));
  });

  it('still reads 满意度 as chat', () => {
    expect(parse('满意度调查什么时候', awaiting)).toEqual({ kind: 'none' });
  });

  it('reads 不满意 with a reason and no number as a rejection', () => {
    expect(parse('不满意 还在漏水', awaiting)).toEqual(
      command({ name: 'reject', ticket: null, reason: '还在漏水' }),
    );
    expect(parse('没解决，还在漏水', awaiting)).toEqual(
      command({ name: 'reject', ticket: null, reason: '还在漏水' }),
    );
  });

  it('reads 不满意 with a reason and no number as a rejection when addressed', () => {
    expect(parse('#不满意 师傅没来')).toEqual(command({ name: 'reject', ticket: null, reason: '师傅没来' }));
  });
});

describe('parseCommand: places are not tickets', () => {
  it.each(['补充12号楼也漏水', '进度12号楼', '办结12楼道灯已更换'])('%s is chat unprefixed', (text) => {
    expect(parse(text)).toEqual({ kind: 'none' });
  });

  it('reads a place after a spaced ticket number as text', () => {
    expect(parse('补充 12 12号楼也漏水')).toEqual(
      command({ name: 'supplement', ticket: 12, text: '12号楼也漏水' }),
    );
  });
});
