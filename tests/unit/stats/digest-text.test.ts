import { describe, expect, it } from 'vitest';
import { loadDirectory } from '../../../src/directory/load-directory.js';
import { dailyDigestText, weeklySummaryText } from '../../../src/stats/digest-text.js';
import { computeRates, ratio } from '../../../src/stats/rates.js';
import { ratioText } from '../../../src/stats/replies.js';
import type { Ticket, TicketEvent } from '../../../src/tickets/ticket.js';
import { at, log, resolvedTicket, ticket } from './builders.js';

const directory = loadDirectory();
const DAY = { from: at('12-01 00:00'), to: at('12-02 00:00') };
const WEEK = { from: at('11-30 00:00'), to: at('12-07 00:00') };

function ratesOf(entries: Array<{ ticket: Ticket; events: TicketEvent[] }>, range = DAY) {
  return computeRates({
    tickets: entries.map((e) => e.ticket),
    events: new Map(entries.map((e) => [e.ticket.number, e.events])),
    ...range,
    now: at('12-01 20:00'),
  });
}

describe('ratioText', () => {
  it('shows the fraction with a percentage rounded down, and 暂无 for an empty denominator', () => {
    expect(ratioText(ratio(3, 4))).toBe('3/4（75%）');
    expect(ratioText(ratio(199, 200))).toBe('199/200（99%）');
    expect(ratioText(ratio(0, 0))).toBe('暂无');
  });
});

describe('dailyDigestText', () => {
  it('gives the counts and every rate as n/d, and names the body with formalism signals', () => {
    const quick = resolvedTicket(1, at('12-01 10:00'), at('12-01 10:03'));
    const confirmed = resolvedTicket(2, at('12-01 10:00'), at('12-01 12:00'), {
      status: 'closed',
      confirmation: 'satisfied',
      evidence: [{ kind: 'photo', ref: 'p.jpg', at: at('12-01 12:00'), by: '李明' }],
    });
    const open = { ticket: ticket(3, { body: 'urban_mgmt', createdAt: at('12-01 11:00') }), events: [] };
    const accepted = {
      ticket: ticket(4, { status: 'accepted', createdAt: at('12-01 11:00') }),
      events: log(4, ['accept', at('12-01 11:30')]),
    };

    const text = dailyDigestText(ratesOf([quick, confirmed, open, accepted]), DAY, directory);

    expect(text).toContain('幸福里社区');
    expect(text).toContain('12月1日');
    expect(text).toContain('新收 4 件，已响应 3 件，已办结 2 件，群众确认解决 1 件');
    expect(text).toContain('响应 3/4（75%）');
    expect(text).toContain('群众确认解决 1/2（50%）');
    expect(text).toContain('复发 0/1（0%）');
    expect(text).toContain('物业服务企业');
    expect(text).toContain('接单即办结 1');
    expect(text).not.toContain('区城市管理综合执法局明德中队');
  });

  it('has no formalism lines when there are no signals', () => {
    const text = dailyDigestText(ratesOf([]), DAY, directory);

    expect(text).toContain('新收 0 件');
    expect(text).toContain('响应 暂无');
    expect(text).not.toContain('形式主义');
  });
});

describe('weeklySummaryText', () => {
  it('gives residents the counts of the week without names', () => {
    const done = resolvedTicket(1, at('12-01 10:00'), at('12-02 12:00'), {
      status: 'closed',
      confirmation: 'satisfied',
    });
    const overdue = { ticket: ticket(2, { createdAt: at('11-20 09:00') }), events: [] };
    const fresh = { ticket: ticket(3, { createdAt: at('12-01 19:00') }), events: [] };

    const text = weeklySummaryText(ratesOf([done, overdue, fresh], WEEK), WEEK, '幸福里一区业主群');

    expect(text).toContain('幸福里一区业主群');
    expect(text).toContain('11月30日—12月6日');
    expect(text).toContain('反映问题 2 件，已办结 1 件，其中经居民确认解决 1 件');
    expect(text).toContain('1 件超过时限尚未办结');
    for (const name of ['王阿姨', '李明', '魏经理', '#']) {
      expect(text).not.toContain(name);
    }
  });
});
