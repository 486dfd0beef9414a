import { describe, expect, it } from 'vitest';
import { command, parse } from './parse-fixtures.js';

describe('parseCommand: 资源, 对接 and 资源统计', () => {
  it('reads the resource commands with their arguments', () => {
    expect(parse('资源 12')).toEqual(command({ name: 'resources', ticket: 12 }));
    expect(parse('#资源#12')).toEqual(command({ name: 'resources', ticket: 12 }));
    expect(parse('对接 12 水电维修志愿队')).toEqual(
      command({ name: 'engage', ticket: 12, resource: '水电维修志愿队' }),
    );
    expect(parse('对接12，明德律师事务所')).toEqual(
      command({ name: 'engage', ticket: 12, resource: '明德律师事务所' }),
    );
    expect(parse('资源统计')).toEqual(command({ name: 'resource_usage', period: 'month' }));
    expect(parse('资源统计 本周')).toEqual(command({ name: 'resource_usage', period: 'week' }));
  });

  it('answers a 对接 without a resource with its usage, and leaves chat alone', () => {
    expect(parse('对接 12')).toEqual({ kind: 'malformed', name: 'engage', problem: 'missing_resource' });
    expect(parse('资源回收站在哪里')).toEqual({ kind: 'none' });
    expect(parse('对接一下物业')).toEqual({ kind: 'none' });
    expect(parse('资源统计局来了')).toEqual({ kind: 'none' });
  });
});
