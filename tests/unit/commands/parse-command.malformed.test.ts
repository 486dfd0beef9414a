import { describe, expect, it } from 'vitest';
import type { CommandName, ParseProblem } from '../../../src/commands/command.js';
import { PREFIXES, parse } from './parse-fixtures.js';

/** Messages that can only be meant as commands: malformed even without a prefix. */
const ATTEMPTS: ReadonlyArray<readonly [string, CommandName, ParseProblem]> = [
  ['进度', 'progress', 'missing_ticket'],
  ['进度 0', 'progress', 'bad_ticket'],
  ['进度 #0', 'progress', 'bad_ticket'],
  ['进度 99999999999999999999', 'progress', 'bad_ticket'],
  ['进度 9007199254740993', 'progress', 'bad_ticket'],
  ['补充', 'supplement', 'missing_ticket'],
  ['补充 12', 'supplement', 'missing_text'],
  ['补充 12 。', 'supplement', 'missing_text'],
  ['撤回', 'withdraw', 'missing_ticket'],
  ['满意 0', 'confirm', 'bad_ticket'],
  ['不满意 0 没修好', 'reject', 'bad_ticket'],
  ['评价', 'rate', 'missing_ticket'],
  ['评价 12', 'rate', 'bad_rating'],
  ['评价 12 6', 'rate', 'bad_rating'],
  ['评价 12 0星', 'rate', 'bad_rating'],
  ['评价 12 很好', 'rate', 'bad_rating'],
  ['评价 12 5分 很好', 'rate', 'bad_rating'],
  ['接单', 'accept', 'missing_ticket'],
  ['接单 0', 'accept', 'bad_ticket'],
  ['进展 12', 'update', 'missing_text'],
  ['办结', 'resolve', 'missing_ticket'],
  ['办结 12', 'resolve', 'missing_text'],
  ['转派', 'transfer', 'missing_ticket'],
  ['转派 12', 'transfer', 'missing_body'],
  ['转派 12 火星局 不归我们', 'transfer', 'unknown_body'],
  ['转派 12 城管', 'transfer', 'missing_reason'],
  ['退回 12', 'return', 'missing_reason'],
  ['吹哨', 'whistle', 'missing_ticket'],
  ['吹哨 12', 'whistle', 'missing_body'],
  ['吹哨 12 城管 火星局', 'whistle', 'unknown_body'],
  ['报到', 'report', 'missing_ticket'],
  ['查询', 'history', 'missing_ticket'],
  ['查楼', 'find_building', 'missing_building'],
  ['查楼 0号楼', 'find_building', 'bad_building'],
  ['认领', 'claim', 'missing_ticket'],
];

/** Chat when unprefixed, malformed when addressed to the bot. */
const ADDRESSED_ONLY: ReadonlyArray<readonly [string, CommandName, ParseProblem]> = [
  ['帮助一下老人', 'help', 'unexpected_text'],
  ['我的天 进度太慢了', 'my_tickets', 'unexpected_text'],
  ['进度太慢了', 'progress', 'missing_ticket'],
  ['进度12 怎么还没修', 'progress', 'unexpected_text'],
  ['补充一下，3号楼的电梯也坏了', 'supplement', 'missing_ticket'],
  ['满意度调查什么时候', 'confirm', 'unexpected_text'],
  ['满意，谢谢', 'confirm', 'unexpected_text'],
  ['评价一下这个物业', 'rate', 'missing_ticket'],
  ['办结了没有', 'resolve', 'missing_ticket'],
  ['超时了还没人来', 'overdue', 'unexpected_text'],
  ['统计局的人来了吗', 'stats', 'bad_period'],
  ['统计 明年', 'stats', 'bad_period'],
  ['找楼下的王阿姨', 'find_building', 'missing_building'],
];

describe('parseCommand: malformed commands', () => {
  it.each(ATTEMPTS)('%s is malformed %s: %s', (text, name, problem) => {
    expect(parse(text)).toMatchObject({ kind: 'malformed', name, problem });
  });

  it.each(ATTEMPTS)('%s is malformed after any prefix', (text, name, problem) => {
    for (const prefix of PREFIXES) {
      expect(parse(`${prefix}${text}`), prefix).toMatchObject({ kind: 'malformed', name, problem });
    }
  });

  it.each(ADDRESSED_ONLY)('%s is chat unprefixed', (text) => {
    expect(parse(text)).toEqual({ kind: 'none' });
  });

  it.each(ADDRESSED_ONLY)('%s is malformed %s when prefixed', (text, name, problem) => {
    for (const prefix of PREFIXES) {
      expect(parse(`${prefix}${text}`), prefix).toMatchObject({ kind: 'malformed', name, problem });
    }
  });

  it.each(ADDRESSED_ONLY)(
    '%s is malformed when the transport says the bot was addressed',
    (text, name, problem) => {
      expect(parse(text, { addressed: true })).toMatchObject({ kind: 'malformed', name, problem });
    },
  );

  it('names the unknown body', () => {
    expect(parse('转派 12 火星局 不归我们')).toEqual({
      kind: 'malformed',
      name: 'transfer',
      problem: 'unknown_body',
      detail: '火星局',
    });
    expect(parse('吹哨12 城管、火星局')).toMatchObject({ detail: '火星局' });
  });

  it('names the rejected rating', () => {
    expect(parse('评价 12 6分')).toMatchObject({ problem: 'bad_rating', detail: '6分' });
  });
});
