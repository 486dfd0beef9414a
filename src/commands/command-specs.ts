import type { CommandName } from './command.js';

/** An argument slot of a command, for usage texts. */
export type CommandArg = {
  name: 'ticket' | 'text' | 'reason' | 'body' | 'bodies' | 'score' | 'period' | 'building' | 'resource';
  optional?: true;
};

/**
 * How a command is written: its canonical verb, the aliases the parser also accepts and its arguments.
 * Verbs and aliases are vocabulary data (what people type); the help texts themselves live in the bot's replies.
 */
export type CommandSpec = {
  verb: string;
  aliases: readonly string[];
  args: readonly CommandArg[];
};

const TICKET: CommandArg = { name: 'ticket' };
const OPTIONAL_TICKET: CommandArg = { name: 'ticket', optional: true };

/** Aliases written in ASCII letters match case-insensitively and must end at a word boundary. */
export const COMMAND_SPECS: Readonly<Record<CommandName, CommandSpec>> = {
  help: { verb: '帮助', aliases: ['help', '?', '命令', '指令'], args: [] },
  my_tickets: { verb: '我的工单', aliases: ['我的', '我的单子', '我的投诉', 'mine'], args: [] },
  progress: { verb: '进度', aliases: ['查进度', '进度查询', 'status', 'progress'], args: [TICKET] },
  supplement: { verb: '补充', aliases: ['补充说明'], args: [TICKET, { name: 'text' }] },
  withdraw: { verb: '撤回', aliases: ['撤销', 'withdraw'], args: [TICKET] },
  confirm: { verb: '满意', aliases: ['满意了', '确认'], args: [OPTIONAL_TICKET] },
  reject: {
    verb: '不满意',
    aliases: ['没解决', '未解决'],
    args: [OPTIONAL_TICKET, { name: 'reason', optional: true }],
  },
  rate: { verb: '评价', aliases: ['评分', '打分', 'rate'], args: [TICKET, { name: 'score' }] },
  accept: { verb: '接单', aliases: ['受理', 'accept'], args: [TICKET] },
  update: { verb: '进展', aliases: ['跟进', 'update'], args: [TICKET, { name: 'text' }] },
  resolve: {
    verb: '办结',
    aliases: ['答复', '完成', '已办结', '已完成', 'done', 'resolve'],
    args: [TICKET, { name: 'text' }],
  },
  transfer: {
    verb: '转派',
    aliases: ['转办', 'transfer'],
    args: [TICKET, { name: 'body' }, { name: 'reason' }],
  },
  return: { verb: '退回', aliases: ['退单'], args: [TICKET, { name: 'reason' }] },
  whistle: { verb: '吹哨', aliases: ['whistle'], args: [TICKET, { name: 'bodies' }] },
  report: { verb: '报到', aliases: ['已报到'], args: [TICKET] },
  history: { verb: '查询', aliases: ['历史', '详情', 'history'], args: [TICKET] },
  overdue: { verb: '超时', aliases: ['超期', '逾期', 'overdue'], args: [] },
  stats: { verb: '统计', aliases: ['stats'], args: [{ name: 'period', optional: true }] },
  find_building: { verb: '查楼', aliases: ['找楼'], args: [{ name: 'building' }] },
  claim: { verb: '认领', aliases: ['领单', 'claim'], args: [TICKET] },
  block: { verb: '卡点', aliases: ['堵点', '难点'], args: [TICKET, { name: 'reason' }, { name: 'text' }] },
  unblock: {
    verb: '解除卡点',
    aliases: ['卡点解除', '清除卡点', '卡点已解决'],
    args: [TICKET, { name: 'text', optional: true }],
  },
  blockers: { verb: '卡点清单', aliases: ['卡点列表', '全部卡点'], args: [] },
  my_points: { verb: '我的积分', aliases: ['积分', '我的分数'], args: [{ name: 'period', optional: true }] },
  ranking: { verb: '排行', aliases: ['排行榜', '积分排行'], args: [{ name: 'period', optional: true }] },
  resources: { verb: '资源', aliases: ['查资源', '匹配资源'], args: [TICKET] },
  engage: { verb: '对接', aliases: ['对接资源'], args: [TICKET, { name: 'resource' }] },
  resource_usage: {
    verb: '资源统计',
    aliases: ['资源使用', '资源情况'],
    args: [{ name: 'period', optional: true }],
  },
  joint_meeting: {
    verb: '联席',
    aliases: ['联席会', '联席会议'],
    args: [{ name: 'period', optional: true }],
  },
};
