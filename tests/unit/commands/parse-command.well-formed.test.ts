import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/commands/command.js';
import { command, fullWidthCommand, PREFIXES, parse, toFullWidth } from './parse-fixtures.js';

const WELL_FORMED: ReadonlyArray<readonly [string, Command]> = [
  ['帮助', { name: 'help' }],
  ['help', { name: 'help' }],
  ['HELP', { name: 'help' }],
  ['?', { name: 'help' }],
  ['？', { name: 'help' }],
  ['命令', { name: 'help' }],
  ['帮助。', { name: 'help' }],
  ['我的工单', { name: 'my_tickets' }],
  ['我的', { name: 'my_tickets' }],
  ['我的单子', { name: 'my_tickets' }],
  ['进度 12', { name: 'progress', ticket: 12 }],
  ['进度12', { name: 'progress', ticket: 12 }],
  ['进度#12', { name: 'progress', ticket: 12 }],
  ['进度 #12', { name: 'progress', ticket: 12 }],
  ['进度 12号', { name: 'progress', ticket: 12 }],
  ['进度：12', { name: 'progress', ticket: 12 }],
  ['进度 12？', { name: 'progress', ticket: 12 }],
  ['查进度12', { name: 'progress', ticket: 12 }],
  ['status 7', { name: 'progress', ticket: 7 }],
  ['补充 12 3单元也停水了', { name: 'supplement', ticket: 12, text: '3单元也停水了' }],
  ['补充12，楼道也有积水', { name: 'supplement', ticket: 12, text: '楼道也有积水' }],
  ['撤回 12', { name: 'withdraw', ticket: 12 }],
  ['撤销#12', { name: 'withdraw', ticket: 12 }],
  ['满意', { name: 'confirm', ticket: null }],
  ['满意 12', { name: 'confirm', ticket: 12 }],
  ['满意#12', { name: 'confirm', ticket: 12 }],
  ['满意！', { name: 'confirm', ticket: null }],
  ['确认', { name: 'confirm', ticket: null }],
  ['不满意', { name: 'reject', ticket: null, reason: null }],
  ['不满意 12', { name: 'reject', ticket: 12, reason: null }],
  ['不满意 12 还是漏水', { name: 'reject', ticket: 12, reason: '还是漏水' }],
  ['不满意#12，师傅根本没来！', { name: 'reject', ticket: 12, reason: '师傅根本没来！' }],
  ['没解决 12', { name: 'reject', ticket: 12, reason: null }],
  ['评价 12 5', { name: 'rate', ticket: 12, score: 5 }],
  ['评价12 五星', { name: 'rate', ticket: 12, score: 5 }],
  ['评价 #12 4分', { name: 'rate', ticket: 12, score: 4 }],
  ['评分 12 3星', { name: 'rate', ticket: 12, score: 3 }],
  ['评价 12 一', { name: 'rate', ticket: 12, score: 1 }],
  ['接单 12', { name: 'accept', ticket: 12 }],
  ['接单12', { name: 'accept', ticket: 12 }],
  ['受理#12', { name: 'accept', ticket: 12 }],
  ['accept 12', { name: 'accept', ticket: 12 }],
  ['进展 12 已联系厂家，明天到', { name: 'update', ticket: 12, text: '已联系厂家，明天到' }],
  ['办结 12 已更换灯泡', { name: 'resolve', ticket: 12, text: '已更换灯泡' }],
  ['办结12已更换灯泡', { name: 'resolve', ticket: 12, text: '已更换灯泡' }],
  ['完成 12 修好了', { name: 'resolve', ticket: 12, text: '修好了' }],
  ['已办结 12：修好了', { name: 'resolve', ticket: 12, text: '修好了' }],
  ['转派 12 城管 占道经营', { name: 'transfer', ticket: 12, body: 'urban_mgmt', reason: '占道经营' }],
  ['转派12城管占道经营', { name: 'transfer', ticket: 12, body: 'urban_mgmt', reason: '占道经营' }],
  ['转派 #12 住建，房屋结构问题', { name: 'transfer', ticket: 12, body: 'housing', reason: '房屋结构问题' }],
  [
    '转派 12 区城市管理综合执法局明德中队 占道经营',
    { name: 'transfer', ticket: 12, body: 'urban_mgmt', reason: '占道经营' },
  ],
  ['转派 12 市场监管 无照经营', { name: 'transfer', ticket: 12, body: 'market', reason: '无照经营' }],
  ['退回 12 不归物业管', { name: 'return', ticket: 12, reason: '不归物业管' }],
  ['吹哨 12 城管', { name: 'whistle', ticket: 12, bodies: ['urban_mgmt'] }],
  [
    '吹哨 12 城管 市场监管 环保',
    { name: 'whistle', ticket: 12, bodies: ['urban_mgmt', 'market', 'environment'] },
  ],
  [
    '吹哨12 城管、市场监管，环保',
    { name: 'whistle', ticket: 12, bodies: ['urban_mgmt', 'market', 'environment'] },
  ],
  ['吹哨 12 城管和市场监管', { name: 'whistle', ticket: 12, bodies: ['urban_mgmt', 'market'] }],
  ['吹哨 12 区住房和城乡建设局 城管', { name: 'whistle', ticket: 12, bodies: ['housing', 'urban_mgmt'] }],
  ['吹哨 12 城管 城管', { name: 'whistle', ticket: 12, bodies: ['urban_mgmt'] }],
  [
    '吹哨 12 居委会 物业 街道 派出所 交警',
    {
      name: 'whistle',
      ticket: 12,
      bodies: ['committee', 'property', 'street_office', 'police', 'traffic_police'],
    },
  ],
  [
    '吹哨 12 民政 人社 卫健 消防 供水 供电 燃气 供热 园林 市政',
    {
      name: 'whistle',
      ticket: 12,
      bodies: [
        'civil_affairs',
        'hrss',
        'health',
        'fire',
        'water_co',
        'power_co',
        'gas_co',
        'heating_co',
        'landscaping',
        'municipal',
      ],
    },
  ],
  ['报到 12', { name: 'report', ticket: 12 }],
  ['已报到 12', { name: 'report', ticket: 12 }],
  ['查询 12', { name: 'history', ticket: 12 }],
  ['历史#12', { name: 'history', ticket: 12 }],
  ['超时', { name: 'overdue' }],
  ['超期', { name: 'overdue' }],
  ['逾期', { name: 'overdue' }],
  ['统计', { name: 'stats', period: 'today' }],
  ['统计 今天', { name: 'stats', period: 'today' }],
  ['统计今日', { name: 'stats', period: 'today' }],
  ['统计 本周', { name: 'stats', period: 'week' }],
  ['统计这周', { name: 'stats', period: 'week' }],
  ['统计 本月', { name: 'stats', period: 'month' }],
  ['统计 这个月', { name: 'stats', period: 'month' }],
  ['stats', { name: 'stats', period: 'today' }],
  ['stats month', { name: 'stats', period: 'month' }],
  ['查楼 3号楼', { name: 'find_building', building: 3 }],
  ['找楼 3', { name: 'find_building', building: 3 }],
  ['查楼3栋', { name: 'find_building', building: 3 }],
  ['查楼 三号楼', { name: 'find_building', building: 3 }],
  ['查楼 二十三号楼', { name: 'find_building', building: 23 }],
  ['认领 12', { name: 'claim', ticket: 12 }],
  ['领单#12', { name: 'claim', ticket: 12 }],
];

describe('parseCommand: well-formed commands', () => {
  it.each(WELL_FORMED)('reads %s', (text, expected) => {
    expect(parse(text)).toEqual(command(expected));
  });

  it.each(WELL_FORMED)('reads %s typed in full width', (text, expected) => {
    expect(parse(toFullWidth(text))).toEqual(command(fullWidthCommand(expected)));
  });

  it.each(WELL_FORMED)('reads %s after any prefix or @-mention', (text, expected) => {
    for (const prefix of PREFIXES) {
      expect(parse(`${prefix}${text}`), prefix).toEqual(command(expected));
    }
  });

  it('reads ＃12 and full-width digits as ticket 12', () => {
    expect(parse('进度＃１２')).toEqual(command({ name: 'progress', ticket: 12 }));
    expect(parse('接单　１２')).toEqual(command({ name: 'accept', ticket: 12 }));
  });

  it('tolerates spaces before, between and after', () => {
    expect(parse('  \u3000#  进度   12  ')).toEqual(command({ name: 'progress', ticket: 12 }));
  });

  it('keeps free text as typed, full-width punctuation included', () => {
    expect(parse('办结 12 已更换灯泡，请确认！')).toEqual(
      command({ name: 'resolve', ticket: 12, text: '已更换灯泡，请确认！' }),
    );
  });

  it('reads large ticket numbers up to the safe integer limit', () => {
    expect(parse(`进度 ${Number.MAX_SAFE_INTEGER}`)).toEqual(
      command({ name: 'progress', ticket: Number.MAX_SAFE_INTEGER }),
    );
  });

  it('knows the shared short names without a directory', () => {
    expect(parseCommandWithoutDirectory('吹哨 12 城管 交警')).toEqual(
      command({ name: 'whistle', ticket: 12, bodies: ['urban_mgmt', 'traffic_police'] }),
    );
  });
});

function parseCommandWithoutDirectory(text: string) {
  return parse(text, { resolveBody: () => undefined });
}
