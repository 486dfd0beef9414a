import { describe, expect, it } from 'vitest';
import { mayUseCommand } from '../../../src/commands/command-roles.js';
import { parseCommand } from '../../../src/commands/parse-command.js';

const parse = (text: string) => parseCommand(text, { botName: '社区哨子', addressed: true });

describe('联席', () => {
  it('means this week unless another period is named', () => {
    expect(parse('联席')).toEqual({ kind: 'command', command: { name: 'joint_meeting', period: 'week' } });
    expect(parse('#联席会议 本月')).toEqual({
      kind: 'command',
      command: { name: 'joint_meeting', period: 'month' },
    });
    expect(parse('联席 今天')).toEqual({
      kind: 'command',
      command: { name: 'joint_meeting', period: 'today' },
    });
  });

  it('answers an unknown period with the usage', () => {
    expect(parse('联席 明年')).toMatchObject({
      kind: 'malformed',
      name: 'joint_meeting',
      problem: 'bad_period',
    });
  });

  it('is for supervisors only', () => {
    expect(mayUseCommand(['supervisor'], 'joint_meeting')).toBe(true);
    expect(mayUseCommand(['branch_secretary', 'grid_worker'], 'joint_meeting')).toBe(false);
  });
});
