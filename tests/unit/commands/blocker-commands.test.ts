import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/commands/parse-command.js';
import {
  BLOCKED,
  blockedDetail,
  openBlocker,
  readBlocked,
  UNBLOCKED,
} from '../../../src/tickets/blockers.js';
import type { TicketEvent } from '../../../src/tickets/ticket.js';

const parse = (text: string) => parseCommand(text, { botName: '社区哨子' });

describe('卡点 commands', () => {
  it.each([
    [
      '卡点 12 资金 维修基金还在审批',
      { name: 'block', ticket: 12, reason: 'money', note: '维修基金还在审批' },
    ],
    ['卡点12物资 缺水泵', { name: 'block', ticket: 12, reason: 'materials', note: '缺水泵' }],
    ['#卡点 #7，执法 需要城管出面', { name: 'block', ticket: 7, reason: 'powers', note: '需要城管出面' }],
    ['卡点 3 其他部门 等供电公司', { name: 'block', ticket: 3, reason: 'another_body', note: '等供电公司' }],
    ['卡点 3 居民 业主不让进门', { name: 'block', ticket: 3, reason: 'resident', note: '业主不让进门' }],
    ['卡点 3 政策 不在补贴范围', { name: 'block', ticket: 3, reason: 'policy', note: '不在补贴范围' }],
    ['解除卡点 12 基金已批', { name: 'unblock', ticket: 12, note: '基金已批' }],
    ['解除卡点 12', { name: 'unblock', ticket: 12, note: null }],
    ['卡点', { name: 'blockers' }],
    ['卡点清单', { name: 'blockers' }],
  ])('%s', (text, command) => {
    expect(parse(text)).toEqual({ kind: 'command', command });
  });

  it('asks for a reason it knows, and for the note', () => {
    expect(parse('卡点 12 天气不好')).toMatchObject({
      kind: 'malformed',
      name: 'block',
      problem: 'missing_blocker_reason',
    });
    expect(parse('卡点 12 资金')).toMatchObject({
      kind: 'malformed',
      name: 'block',
      problem: 'missing_text',
    });
  });

  it('leaves chat that starts with the word alone', () => {
    expect(parse('卡点下班，路上堵死了')).toEqual({ kind: 'none' });
  });
});

const event = (seq: number, type: string, detail: string, day: number): TicketEvent => ({
  ...{ ticketNumber: 1, seq, type, detail, actor: '蒋工', prevHash: '', hash: `h${seq}` },
  at: new Date(`2026-12-0${day}T09:00:00+08:00`),
});

describe('the open blocker, from the events', () => {
  const money = blockedDetail({ reason: 'money', note: '基金待批' });
  it('stands from the first record until cleared; a new reason keeps its age', () => {
    const events = [event(1, 'created', '', 1), event(2, BLOCKED, money, 2)];
    expect(openBlocker(events)).toMatchObject({
      reason: 'money',
      since: new Date('2026-12-02T09:00:00+08:00'),
    });
    events.push(event(3, BLOCKED, blockedDetail({ reason: 'another_body', note: '等住建' }), 3));
    expect(openBlocker(events)).toMatchObject({
      reason: 'another_body',
      note: '等住建',
      since: new Date('2026-12-02T09:00:00+08:00'),
    });
    events.push(event(4, UNBLOCKED, '', 4));
    expect(openBlocker(events)).toBeNull();
    events.push(event(5, BLOCKED, money, 5));
    expect(openBlocker(events)?.since).toEqual(new Date('2026-12-05T09:00:00+08:00'));
  });

  it('reads only a well-formed record', () => {
    expect(readBlocked({ type: BLOCKED, detail: '{"reason":"weather","note":"x"}' })).toBeNull();
    expect(readBlocked({ type: BLOCKED, detail: 'not json' })).toBeNull();
    expect(readBlocked({ type: 'update', detail: money })).toBeNull();
  });
});
