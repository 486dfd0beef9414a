import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../../src/commands/command.js';
import { COMMAND_ROLES, mayUseCommand } from '../../../src/commands/command-roles.js';
import { COMMAND_SPECS } from '../../../src/commands/command-specs.js';
import { VERB_ENTRIES } from '../../../src/commands/verbs.js';

describe('COMMAND_ROLES', () => {
  it('lets residents use the resident-facing commands only', () => {
    const residentCommands = COMMAND_NAMES.filter((name) => mayUseCommand(['resident'], name));

    expect(residentCommands).toEqual([
      'help',
      'my_tickets',
      'progress',
      'supplement',
      'withdraw',
      'confirm',
      'reject',
      'rate',
    ]);
  });

  it('follows the who column for staff commands', () => {
    expect(mayUseCommand(['grid_worker'], 'whistle')).toBe(true);
    expect(mayUseCommand(['supervisor'], 'whistle')).toBe(true);
    expect(mayUseCommand(['liaison'], 'whistle')).toBe(false);
    expect(mayUseCommand(['liaison'], 'report')).toBe(true);
    expect(mayUseCommand(['branch_secretary'], 'stats')).toBe(true);
    expect(mayUseCommand(['grid_worker'], 'stats')).toBe(false);
    expect(mayUseCommand(['party_member'], 'claim')).toBe(true);
    expect(mayUseCommand(['grid_worker'], 'claim')).toBe(false);
    expect(mayUseCommand(['resident'], 'history')).toBe(false);
    expect(mayUseCommand(['liaison', 'supervisor'], 'find_building')).toBe(true);
  });

  it('covers every command', () => {
    expect(Object.keys(COMMAND_ROLES).sort()).toEqual([...COMMAND_NAMES].sort());
  });
});

describe('COMMAND_SPECS', () => {
  it('gives every command a verb and no word to two commands', () => {
    const words = VERB_ENTRIES.map((entry) => entry.word);

    expect(Object.keys(COMMAND_SPECS).sort()).toEqual([...COMMAND_NAMES].sort());
    expect(new Set(words).size).toBe(words.length);
  });

  it('keeps the vocabulary of the spec as the canonical verbs', () => {
    const verbs = COMMAND_NAMES.map((name) => COMMAND_SPECS[name].verb);

    expect(verbs).toEqual(
      expect.arrayContaining([
        '帮助',
        '我的工单',
        '进度',
        '补充',
        '撤回',
        '满意',
        '不满意',
        '评价',
        '接单',
        '进展',
        '办结',
        '转派',
        '退回',
        '吹哨',
        '报到',
        '查询',
        '超时',
        '统计',
      ]),
    );
  });

  it('orders verbs longest first so the longer verb wins', () => {
    const lengths = VERB_ENTRIES.map((entry) => entry.word.length);

    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });
});
