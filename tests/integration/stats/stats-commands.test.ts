import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../src/clock/clock.js';
import { applyAction } from '../../../src/tickets/apply-action.js';
import type { OutboxMessage } from '../../../src/tickets/outbox.js';
import type { Ticket } from '../../../src/tickets/ticket.js';
import type { TicketAction } from '../../../src/tickets/transitions.js';
import { type ChatApp, startInlineApp } from '../../helpers/inline-app.js';

const GROUP_1 = '幸福里一区业主群';
const GROUP_2 = '幸福里二区居民群';
const GROUP_4 = '锦苑邻里群';
const SUPERVISORS = '社区治理督办群';
const START = new Date('2026-12-01T09:00:00+08:00');
const HOUR = 3_600_000;

describe('统计 and 超时 through the chat (mock puppet, Redis, SQLite)', () => {
  let app: ChatApp;
  let clock: SimulatedClock;

  beforeEach(async () => {
    clock = new SimulatedClock(START);
    app = await startInlineApp({ clock });
  });

  afterEach(async () => {
    await app.stop();
  });

  async function report(from: string, room: string, text: string): Promise<Ticket> {
    const before = (await app.tickets.listTickets()).length;
    await app.say({ from, room, text });
    const tickets = await app.tickets.listTickets();
    expect(tickets).toHaveLength(before + 1);
    return tickets.at(-1) as Ticket;
  }

  /** Moves a ticket through the status machine directly, as the handlers do, at the clock's now. */
  async function act(n: number, action: TicketAction, actor = '李明'): Promise<void> {
    const res = await applyAction(app.tickets, n, { action, actor, at: clock.now(), detail: action });
    expect(res.ok).toBe(true);
  }

  /** Sends a command and returns only what the bot sent back to the sender. */
  async function ask(from: string, text: string, room: string | null = null): Promise<OutboxMessage[]> {
    const mark = app.sent.length;
    await app.say({ from, room, text });
    return app.sent.slice(mark).filter((m) => m.to === from || (room !== null && m.room === room));
  }

  async function threeTickets(): Promise<[Ticket, Ticket, Ticket]> {
    const elevator = await report('王阿姨', GROUP_1, '3号楼2单元的电梯又坏了，老人下不了楼');
    const roof = await report('陈大爷', GROUP_2, '15号楼顶楼漏水，屋顶渗水到家里了');
    const trash = await report('刘女士', GROUP_4, '26号楼门口垃圾桶好几天没人清理了，臭气熏天');
    return [elevator, roof, trash];
  }

  it('统计 本周 gives a supervisor the whole community as n/d with one line per body, privately', async () => {
    const [elevator] = await threeTickets();
    clock.advance(30 * 60_000);
    await act(elevator.number, 'accept');
    clock.advance(2 * HOUR);
    await act(elevator.number, 'resolve');
    await act(elevator.number, 'confirm', '王阿姨');

    const sent = await ask('刘桂兰', '统计 本周', SUPERVISORS);

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ room: null, to: '刘桂兰' });
    const text = sent[0]?.text ?? '';
    expect(text).toContain('【统计·本周 11月30日—12月6日】幸福里社区');
    expect(text).toContain('新收 3 件');
    expect(text).toContain('响应 1/3（33%）');
    expect(text).toContain('群众确认解决 1/1（100%）');
    expect(text).toContain('复发 0/1（0%）');
    expect(text).toContain('物业服务企业：新收 2');
    expect(text).toContain('区住房和城乡建设局：新收 1');
    expect(app.sent.filter((m) => m.room === SUPERVISORS)).toEqual([]);
  });

  it('统计 gives a branch secretary only the numbers of their grid, for today by default', async () => {
    await threeTickets();

    const [answer] = await ask('赵红梅', '统计');

    expect(answer?.text).toContain('【统计·今天 12月1日】第一网格');
    expect(answer?.text).toContain('新收 1 件');
    expect(answer?.text).toContain('响应 0/1（0%）');
    expect(answer?.text).not.toContain('各单位');
  });

  it('统计 is refused to a grid worker, without numbers', async () => {
    await threeTickets();

    const sent = await ask('李明', '统计 本月');

    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe('李明');
    expect(sent[0]?.text).not.toContain('新收');
  });

  it('超时 lists each person the open overdue tickets of their scope, most overdue first', async () => {
    const [elevator, roof] = await threeTickets();
    const deadlines = [elevator, roof].map((t) => t.respondBy?.getTime() ?? Number.NaN);
    clock.set(new Date(Math.max(...deadlines) + 3 * HOUR));

    const worker = await ask('李明', '超时', '网格员工作群');
    const liaison = await ask('蒋工', '超时');
    const secretary = await ask('孙建国', '超时');
    const supervisor = await ask('郑海', '超时');

    expect(worker).toHaveLength(1);
    expect(worker[0]).toMatchObject({ room: null, to: '李明' });
    const hours = Math.floor((clock.now().getTime() - (elevator.respondBy?.getTime() ?? 0)) / HOUR);
    expect(worker[0]?.text).toContain(
      `#${elevator.number} 电梯 幸福里一区3号楼2单元 逾期${hours}小时 李明、魏经理`,
    );
    expect(worker[0]?.text).not.toContain(`#${roof.number} `);
    expect(liaison[0]?.text).toContain(`#${roof.number} `);
    expect(liaison[0]?.text).not.toContain(`#${elevator.number} `);
    expect(secretary[0]?.text).toContain(`#${roof.number} `);
    expect(secretary[0]?.text).not.toContain(`#${elevator.number} `);
    const lines = (supervisor[0]?.text ?? '').split('\n').filter((l) => l.startsWith('#'));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.join('\n')).toContain(`#${elevator.number} `);
    expect(lines.join('\n')).toContain(`#${roof.number} `);
    const overdueHours = lines.map((l) => Number(/逾期(\d+)小时/.exec(l)?.[1] ?? -1));
    expect(overdueHours).toEqual([...overdueHours].sort((a, b) => b - a));
  });

  it('超时 says so when nothing in scope is overdue, and drops a ticket once it is resolved', async () => {
    const [elevator] = await threeTickets();

    const early = await ask('李明', '超时');
    expect(early[0]?.text).toBe('您负责的范围内目前没有超时工单。');

    clock.set(new Date((elevator.respondBy?.getTime() ?? 0) + HOUR));
    const late = await ask('李明', '超时');
    expect(late[0]?.text).toContain(`#${elevator.number} `);

    await act(elevator.number, 'accept');
    await act(elevator.number, 'resolve');
    const after = await ask('李明', '超时');
    expect(after[0]?.text).toBe('您负责的范围内目前没有超时工单。');
  });

  it('超时 is refused to a resident', async () => {
    const sent = await ask('王阿姨', '超时');

    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).not.toContain('超时工单');
  });
});
