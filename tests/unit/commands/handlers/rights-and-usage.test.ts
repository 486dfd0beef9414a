import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  dispatchers,
  handles,
  isReporterOrCo,
  mayWhistle,
  readsTicket,
} from '../../../../src/commands/authorize.js';
import { commandReplies, usage } from '../../../../src/commands/replies.js';
import { DEFAULT_DIRECTORY_FILE, parseDirectoryText } from '../../../../src/directory/load-directory.js';
import type { Ticket } from '../../../../src/tickets/ticket.js';
import { buildTicket } from '../../../helpers/ticket-builder.js';

const loaded = parseDirectoryText(readFileSync(DEFAULT_DIRECTORY_FILE, 'utf8'));
if (!loaded.success) {
  throw new Error('sample directory does not load');
}
const directory = loaded.directory;

function ticket(fields: Partial<Ticket>): Ticket {
  return buildTicket(7, { urgency: 'urgent', reporterId: 'wx-wang', coReporters: ['陈大爷'], ...fields });
}

describe('per-ticket rights', () => {
  it('lets a property liaison handle property tickets of their own compounds only', () => {
    const jinyuan = ticket({
      location: { compound: '锦苑', building: 25, unit: null, room: null, landmark: null },
      grid: '第四网格',
      assignees: ['陈静', '陶经理'],
    });
    expect(handles(directory.person('魏经理'), ticket({}))).toBe(true);
    expect(handles(directory.person('魏经理'), jinyuan)).toBe(false);
    expect(handles(directory.person('陶经理'), jinyuan)).toBe(true);
  });

  it('lets grid workers handle and whistle on their grid, supervisors everywhere, secretaries only read', () => {
    const t = ticket({ assignees: [] });
    expect(handles(directory.person('李明'), t)).toBe(true);
    expect(handles(directory.person('张伟'), t)).toBe(false);
    expect(mayWhistle(directory.person('张伟'), t)).toBe(false);
    expect(mayWhistle(directory.person('郑海'), t)).toBe(true);
    expect(handles(directory.person('赵红梅'), t)).toBe(false);
    expect(readsTicket(directory.person('赵红梅'), t)).toBe(true);
    expect(readsTicket(directory.person('钱进'), t)).toBe(false);
  });

  it('knows the reporter by chat id when the ticket has one (a second account with the name is not them), co-reporters by name', () => {
    const t = ticket({});
    expect(isReporterOrCo(t, { name: '王阿姨', id: 'other' })).toBe(false);
    expect(isReporterOrCo(t, { name: '改了名', id: 'wx-wang' })).toBe(true);
    expect(isReporterOrCo({ ...t, reporterId: null }, { name: '王阿姨', id: 'other' })).toBe(true);
    expect(isReporterOrCo(t, { name: '陈大爷', id: 'x' })).toBe(true);
    expect(isReporterOrCo(t, { name: '刘女士', id: 'y' })).toBe(false);
  });

  it('names the duty grid’s worker and the committee’s liaison as dispatchers', () => {
    expect(dispatchers(directory)).toEqual(['李明', '吴晓东']);
  });
});

describe('command texts', () => {
  it('writes each usage from COMMAND_SPECS', () => {
    expect(usage('transfer')).toBe('转派 N 单位 理由');
    expect(usage('confirm')).toBe('满意 [N]');
    expect(usage('reject')).toBe('不满意 [N] [理由]');
    expect(usage('whistle')).toBe('吹哨 N 单位…');
  });

  it('says an illegal transition in words', () => {
    expect(commandReplies.illegal({ number: 12, status: 'resolved' }, 'accept')).toBe(
      '工单 #12 当前状态为已办结，不能接单。',
    );
    expect(commandReplies.malformed('transfer', 'unknown_body', '气象局')).toContain(
      '没有「气象局」这个单位',
    );
  });
});
