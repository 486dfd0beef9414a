import { describe, expect, it } from 'vitest';
import { replayScript as replay, type TranscriptLine } from '../../helpers/replay.js';

const GROUP = '幸福里一区业主群';
const toPerson = (lines: readonly TranscriptLine[], name: string) => lines.filter((l) => l.to === name);
const toResident = (lines: readonly TranscriptLine[], name: string) =>
  lines.filter((l) => l.room !== null && l.mentions.includes(name));

describe('shaozi replay: a busy group read as a conversation', () => {
  it('keeps chatter out of a report, joins a quoted agreement, answers questions and relays a liaison’s answer', async () => {
    const { lines, tickets } = await replay('tests/fixtures/replay/conversation-busy-group.jsonl');

    // the report, its place and its photo are one ticket; 「今天天气不错」 17 s later is not part of it
    const [lift, question] = tickets;
    expect(lift).toMatchObject({
      number: 1,
      category: 'elevator',
      text: '3号楼电梯又坏了，老人下不了楼，在2单元',
      location: { building: 3, unit: 2 },
      co_reporters: ['陈大爷'],
    });
    expect(lines.some((l) => l.text.includes('天气'))).toBe(false);
    expect(toResident(lines, '王阿姨').map((l) => l.text)).toEqual([
      expect.stringMatching(/工单 #1.*预计\d+月\d+日（周.）.*办结/),
      expect.stringContaining('照片收到了，已补充到工单 #1'),
    ]);

    // a quoted 「我们单元也是」 joins #1; a quoted neighbourly reply does not
    expect(toResident(lines, '陈大爷')[0]?.text).toContain('已有2位居民反映');
    expect(toResident(lines, '李姐')).toEqual([]);
    expect(lines.filter((l) => l.text.includes('李姐'))).toEqual([]);

    // an @ of the bot is never met with silence; questions are answered from the knowledge base
    const [hello, hours] = toResident(lines, '小周');
    expect(hello?.text).toContain('我是社区哨子');
    expect(hours?.text).toContain('周六9:00—12:00');
    expect(toResident(lines, '张大姐')[0]?.text).toContain('安居物业');
    expect(toResident(lines, '张大姐')[0]?.text).toContain('0571-86561001');

    // a question it cannot answer: said so, a question ticket for the committee's liaison, by a deadline
    expect(question).toMatchObject({ number: 2, intent: 'inquiry', body: 'committee', reporter: '赵先生' });
    const [ack, relayed] = toResident(lines, '赵先生');
    expect(ack?.text).toBe(
      '这个问题我暂时答不上来，已转给幸福里社区居委会（吴晓东），登记为 #2，明天 09:06 前答复您。',
    );
    expect(toPerson(lines, '吴晓东')[0]?.text).toContain('回复「答复 2 答复内容」');
    // the liaison's 「答复 2 …」 reaches the asker where they asked, and the question waits for their 满意
    expect(relayed).toMatchObject({ at: '2026-11-30T14:00:00+08:00', room: GROUP });
    expect(relayed?.text).toContain(
      '关于您的提问（#2），答复如下：社区每周三下午在党群服务中心二楼有老年象棋赛',
    );
    expect(tickets[1]?.status).toBe('resolved');
    // nobody was promised an answer that nobody was asked to give
    expect(lines.some((l) => l.text.includes('工作人员会尽快答复您'))).toBe(false);
  });

  it('joins bystanders to an open emergency and lets the reporter’s all-clear stop its escalation', async () => {
    const { lines, tickets } = await replay('tests/fixtures/replay/conversation-emergency-all-clear.jsonl');

    expect(tickets.map((t) => [t.number, t.intent])).toEqual([
      [1, 'emergency'],
      [2, 'emergency'],
    ]);
    // 「我已经打119了，千万别坐电梯」 is news for the responders, not an elevator ticket
    // (advice is information around it; a bystander's own sighting of the danger is the danger itself)
    expect(tickets[0]?.events.map((e) => e.type)).toEqual([
      'created',
      'emergency_info',
      expect.stringMatching(/^(emergency_info|supplemented)$/),
      'all_clear',
    ]);
    expect(toPerson(lines, '陈静').map((l) => l.text.slice(0, 4))).toEqual([
      '【紧急】',
      '【现场】',
      '【现场】',
      '【解除】',
    ]);
    expect(toResident(lines, '刘女士').at(-1)?.text).toContain('已告知工作人员核实');
    // supervisors are alerted, but only the handlers are asked to take it
    expect(toPerson(lines, '刘桂兰')[0]?.text).not.toContain('接单');
    expect(toPerson(lines, '陈静')[0]?.text).toContain('接单 1');

    // after the all-clear nothing more about #1 until a staff member acts; #2, never called off, climbs
    const later = lines.filter((l) => l.at > '2026-12-02T02:06:00+08:00');
    expect(later.filter((l) => l.text.includes('#1'))).toEqual([]);
    expect(later.filter((l) => l.text.startsWith('【督办】') && l.text.includes('#2'))).toHaveLength(3);
  });
});

describe('shaozi replay: one emergency told in several groups', () => {
  it('joins news of the same fire from another group to its ticket, while a fire elsewhere raises its own alarm', async () => {
    const { lines, tickets } = await replay('tests/fixtures/replay/conversation-emergency-other-group.jsonl');

    // the shed fire and the 7号楼 fire are two emergencies; the news from 二区 is not a third
    expect(tickets.map((t) => [t.number, t.intent, t.location.building])).toEqual([
      [1, 'emergency', 25],
      [2, 'emergency', 7],
    ]);
    expect(tickets[0]?.events.map((e) => e.type)).toEqual([
      'created',
      expect.stringMatching(/^(emergency_info|supplemented)$/),
      'all_clear',
    ]);
    // the resident in the other group learns it is known and what to do; the responders hear it once
    expect(toResident(lines, '雷子').map((l) => l.text)).toEqual([
      expect.stringMatching(/已有人报告（工单 #1）.*119/),
    ]);
    expect(toPerson(lines, '陈静').map((l) => l.text.slice(0, 4))).toEqual([
      '【紧急】',
      '【现场】',
      '【解除】',
    ]);
    expect(toPerson(lines, '陈静')[1]?.text).toContain('雷子');
    expect(
      lines.filter((l) => l.text.startsWith('【紧急】') && l.text.includes('#2')).length,
    ).toBeGreaterThan(0);
  });
});

describe('shaozi replay: two emergencies in one group within the hour', () => {
  it('answers the second as its own emergency, and a bystander’s advice joins the one it is about', async () => {
    const { lines, tickets } = await replay('tests/fixtures/replay/conversation-two-emergencies.jsonl');

    expect(tickets.map((t) => [t.number, t.intent, t.category, t.location.building])).toEqual([
      [1, 'emergency', 'fire_safety', null],
      [2, 'emergency', 'gas', 16],
    ]);
    // each reporter gets the emergency answer of their own danger (the second's name is no @-able name)
    expect(toResident(lines, '葱油饼')[0]?.text).toMatch(/拨打 119.*工单 #1/);
    expect(lines.filter((l) => l.room !== null && /拨打 119.*工单 #2/.test(l.text))).toHaveLength(1);
    // the bystander's 119 joins the fire, the advice on the gas joins the gas leak
    const events = (n: number) => tickets.find((t) => t.number === n)?.events.map((e) => e.actor) ?? [];
    expect(events(1)).toContain('老周');
    expect(events(2)).toContain('菊花茶');
    expect(events(1)).not.toContain('16-2-501 老刘');
  });
});
