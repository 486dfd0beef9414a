import { describe, expect, it } from 'vitest';
import { clockedAppPerTest, eventTypes, HOUR } from './intake-test-kit.js';

const ERQU = '幸福里二区居民群';
const JINYUAN = '锦苑邻里群';
const MINUTE = 60_000;

describe('a question about a problem that has an open ticket is answered from it', () => {
  const bot = clockedAppPerTest();

  it('tells a neighbour asking when the power comes back the ticket and the latest note, and opens no question', async () => {
    const { app, clock } = bot;
    await app.say({ from: '赵姐', room: ERQU, text: '16号楼停电了，家里灯全灭了，冰箱也不响了' });
    clock.advance(10 * MINUTE);
    await app.say({ from: '王芳', room: null, text: '接单 1' });
    await app.say({ from: '王芳', room: null, text: '进展 1 已联系供电公司抢修，预计下午三点前恢复' });
    clock.advance(30 * MINUTE);
    const before = app.sent.length;
    await app.say({ from: '刘奶奶', room: ERQU, text: '几点来电啊？老头子有高血压，这么热不行' });

    const tickets = await app.tickets.listTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.coReporters).toEqual(['刘奶奶']);
    const reply = app.sent.slice(before).find((m) => m.room === ERQU && m.mentions.includes('刘奶奶'));
    expect(reply?.text).toContain('#1');
    expect(reply?.text).toContain('已有2位居民反映');
    expect(reply?.text).toContain('最新进展');
    expect(reply?.text).toContain('已联系供电公司抢修');
    expect(reply?.text).not.toContain('尽快答复');
  });

  it('names no progress when staff have written none for residents', async () => {
    const { app, clock } = bot;
    await app.say({ from: '赵姐', room: ERQU, text: '16号楼停电了，家里灯全灭了，冰箱也不响了' });
    clock.advance(20 * MINUTE);
    await app.say({ from: '胖虎', room: ERQU, text: '来电了吗？我在单位 家里冰箱还有孩子的奶' });

    expect(await app.tickets.listTickets()).toHaveLength(1);
    const reply = app.sent.find((m) => m.room === ERQU && m.mentions.includes('胖虎'));
    expect(reply?.text).toContain('#1');
    expect(reply?.text).not.toContain('最新进展');
  });

  it('tells the asker what staff said in the group about the problem, addressing nobody', async () => {
    const { app, clock } = bot;
    await app.say({ from: '赵姐', room: ERQU, text: '16号楼停电了，家里灯全灭了，冰箱也不响了' });
    clock.advance(10 * MINUTE);
    await app.say({
      from: '王芳',
      room: ERQU,
      text: '各位邻居，供电公司的抢修师傅已经到16号楼配电室了，正在排查停电原因',
    });
    clock.advance(20 * MINUTE);
    await app.say({ from: '刘奶奶', room: ERQU, text: '几点来电啊？老头子有高血压，这么热不行' });

    expect(await eventTypes(app, 1)).toContain('staff_update');
    expect((await app.tickets.getTicket(1))?.respondedAt).not.toBeNull();
    const reply = app.sent.find((m) => m.room === ERQU && m.mentions.includes('刘奶奶'));
    expect(reply?.text).toContain('最新进展');
    expect(reply?.text).toContain('抢修师傅已经到16号楼配电室了');
  });

  it('lets the reporter asking chase the ticket instead of joining it twice', async () => {
    const { app, clock } = bot;
    await app.say({ from: '赵姐', room: ERQU, text: '16号楼停电了，家里灯全灭了，冰箱也不响了' });
    clock.advance(2 * HOUR);
    await app.say({ from: '赵姐', room: ERQU, text: '几点能来电啊？冰箱里的肉要坏了' });

    const [ticket] = await app.tickets.listTickets();
    expect(ticket?.coReporters).toEqual([]);
    expect(await eventTypes(app, 1)).toContain('follow_up');
  });

  it('answers a question without a place from the one such ticket of the group, and not when there are two', async () => {
    const { app, clock } = bot;
    await app.say({ from: '周姐', room: JINYUAN, text: '26号楼两部电梯都停了，12楼的老人下不来' });
    clock.advance(HOUR);
    await app.say({ from: '苗苗爸', room: JINYUAN, text: '电梯啥时候能好？我要带孩子出门' });
    expect(await app.tickets.listTickets()).toHaveLength(1);
    expect((await app.tickets.listTickets())[0]?.coReporters).toEqual(['苗苗爸']);

    await app.say({ from: '老卢', room: JINYUAN, text: '28号楼电梯也坏了，门打不开' });
    clock.advance(HOUR);
    await app.say({ from: 'Lisa', room: JINYUAN, text: '电梯啥时候能好？我要带孩子出门' });
    const tickets = await app.tickets.listTickets();
    expect(tickets.filter((t) => t.coReporters.includes('Lisa'))).toEqual([]);
  });

  it('tells someone from another compound how the cut stands without making them a co-reporter', async () => {
    const { app, clock } = bot;
    await app.say({ from: '赵姐', room: ERQU, text: '16号楼停电了，家里灯全灭了，冰箱也不响了' });
    clock.advance(HOUR);
    await app.say({ from: '苗苗爸', room: JINYUAN, text: '听说二区停电了 什么时候能来电啊？我妈一个人在家' });

    const tickets = await app.tickets.listTickets();
    expect(tickets).toHaveLength(1);
    expect(tickets[0]?.coReporters).toEqual([]);
    const reply = app.sent.find((m) => m.room === JINYUAN && m.mentions.includes('苗苗爸'));
    expect(reply?.text).toContain('#1');
    expect(reply?.text).toContain('已有1位居民反映');
  });

  it('answers talk worded as a question without counting it a report, and takes no word that it is fixed as one', async () => {
    const { app, clock } = bot;
    await app.say({ from: '赵姐', room: ERQU, text: '16号楼停电了，家里灯全灭了，冰箱也不响了' });
    clock.advance(20 * MINUTE);
    await app.say({ from: '小胡同', room: ERQU, text: '我就在16号楼，家里有电，你看看是不是空开跳了' });
    clock.advance(20 * MINUTE);
    await app.say({ from: '开心果', room: ERQU, text: '供电公司的人来了，灯亮了👍' });

    const [power] = await app.tickets.listTickets();
    expect(power?.coReporters).toEqual([]);
    expect(app.sent.find((m) => m.room === ERQU && m.mentions.includes('小胡同'))?.text).toContain('#1');
    expect(app.sent.some((m) => m.mentions.includes('开心果'))).toBe(false);
  });

  it('opens a question about a problem nobody reported for the body that fixes it, which a report then does not join', async () => {
    const { app, clock } = bot;
    await app.say({ from: '刘奶奶', room: ERQU, text: '请问16号楼什么时候能来电？' });
    const [question] = await app.tickets.listTickets();
    expect(question).toMatchObject({ intent: 'inquiry', category: 'power', body: 'power_co' });

    clock.advance(10 * MINUTE);
    await app.say({ from: '赵姐', room: ERQU, text: '16号楼停电了，家里灯全灭了，冰箱也不响了' });
    const tickets = await app.tickets.listTickets();
    expect(tickets).toHaveLength(2);
    expect(tickets.find((t) => t.number !== question?.number)).toMatchObject({
      intent: 'grievance',
      category: 'power',
    });
    expect(question?.coReporters).toEqual([]);
  });

  it('lets a neighbour asking the same question join the open question, and relays the one answer to both', async () => {
    const { app, clock } = bot;
    await app.say({ from: '刘奶奶', room: ERQU, text: '请问16号楼什么时候能来电？' });
    clock.advance(20 * MINUTE);
    await app.say({ from: '胖虎', room: ERQU, text: '16号楼几点能来电呀？有知道的吗' });

    const [question, ...others] = await app.tickets.listTickets();
    expect(others).toEqual([]);
    expect(question?.coReporters).toEqual(['胖虎']);
    expect(app.sent.find((m) => m.room === ERQU && m.mentions.includes('胖虎'))?.text).toContain('#1');

    // whoever was asked to answer (the question's notice: 「答复 1 …」)
    const answerer = app.sent.find((m) => m.room === null && m.text.includes('答复 1'))?.to;
    expect(answerer).toBeTruthy();
    await app.say({ from: answerer ?? '', room: null, text: '答复 1 线路检修，预计今晚八点前恢复供电' });
    for (const asker of ['刘奶奶', '胖虎']) {
      expect(
        app.sent.some(
          (m) => m.text.includes('预计今晚八点前恢复供电') && (m.to === asker || m.mentions.includes(asker)),
        ),
      ).toBe(true);
    }
  });

  it('keeps the same question about another building its own question', async () => {
    const { app, clock } = bot;
    await app.say({ from: '刘奶奶', room: ERQU, text: '请问16号楼什么时候能来电？' });
    clock.advance(20 * MINUTE);
    await app.say({ from: '胖虎', room: ERQU, text: '请问19号楼什么时候能来电？' });

    const tickets = await app.tickets.listTickets();
    expect(tickets.map((t) => t.location.building)).toEqual([16, 19]);
    expect(tickets.every((t) => t.coReporters.length === 0)).toBe(true);
  });

  it("reads a reporter's question about a neighbour's problem as about that problem, not as chasing their own", async () => {
    const { app, clock } = bot;
    await app.say({ from: '老刘', room: ERQU, text: '17号楼停水了 水龙头一滴都没有' });
    clock.advance(30 * MINUTE);
    await app.say({ from: '赵姐', room: ERQU, text: '18号楼楼道灯全灭了 黑咕隆咚的 老人下楼差点摔了' });
    clock.advance(30 * MINUTE);
    await app.say({ from: '老刘', room: ERQU, text: '18号楼楼道灯今晚能修好吗 我上夜班 回来十二点' });

    const [water, lights] = await app.tickets.listTickets();
    expect(water?.category).toBe('water_supply');
    expect(await eventTypes(app, water?.number ?? 0)).not.toContain('follow_up');
    expect(lights?.location.building).toBe(18);
    const reply = app.sent.filter((m) => m.room === ERQU && m.mentions.includes('老刘')).at(-1);
    expect(reply?.text).toContain(`#${lights?.number}`);
  });

  it('does not take a question about something else into an open ticket', async () => {
    const { app, clock } = bot;
    await app.say({ from: '赵姐', room: ERQU, text: '16号楼停电了，家里灯全灭了，冰箱也不响了' });
    clock.advance(HOUR);
    await app.say({ from: '老高', room: ERQU, text: '请问居住证明去哪里开？要带什么材料？' });

    const [power] = await app.tickets.listTickets();
    expect(power?.coReporters).toEqual([]);
    expect(await eventTypes(app, 1)).not.toContain('co_reporter_added');
  });
});
