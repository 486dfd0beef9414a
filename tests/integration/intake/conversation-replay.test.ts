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

describe('shaozi replay: an all-clear in the reporter’s own words', () => {
  it('reads 「出来了 抱着我一直哭」 as the end of a lift rescue and stops its escalation; a bystander’s question does not', async () => {
    const { lines, tickets } = await replay('tests/fixtures/replay/conversation-emergency-rescued.jsonl');

    expect(tickets.map((t) => [t.number, t.intent, t.category])).toEqual([[1, 'emergency', 'elevator']]);
    // 「出来了吗？快打119！」 asks and urges: information for the responders, no all-clear
    // (the handlers were reminded at ten minutes, before it was over)
    expect(tickets[0]?.events.map((e) => e.type)).toEqual([
      'created',
      'emergency_info',
      'emergency_info',
      'reminded',
      'all_clear',
    ]);
    expect(tickets[0]?.events.at(-1)).toMatchObject({
      actor: '萌萌妈',
      detail: '出来了 抱着我一直哭 谢谢大家 谢谢消防员',
    });
    // the grid worker hears at once that it is over
    expect(toPerson(lines, '陈静').at(-1)?.text.slice(0, 4)).toBe('【解除】');
    // and nobody is pressed about #1 in the two hours after
    const later = lines.filter((l) => l.at > '2026-12-02T16:10:00+08:00' && l.text.includes('#1'));
    expect(later.map((l) => l.text.slice(0, 4))).not.toContain('【督办】');
    expect(later.filter((l) => !l.text.startsWith('【解除】'))).toEqual([]);
  });
});

describe('shaozi replay: a power cut of a whole compound', () => {
  it('keeps one ticket for the compound’s outage, told from three buildings, apart from another compound’s and from a fault at one place', async () => {
    const { tickets } = await replay('tests/fixtures/replay/conversation-compound-outage.jsonl');

    const outage = tickets.find((t) => t.reporter === '老郭');
    expect(outage).toMatchObject({ category: 'power', location: { compound: '幸福里二区', building: 16 } });
    // 20号楼 and 21号楼 are the same cut: co-reporters of #1, not tickets of their own
    expect(outage?.co_reporters).toEqual(['彩霞', '淡定']);
    const cuts = tickets.filter(
      (t) => t.category === 'power' && t.location.compound === '幸福里二区' && t.intent === 'grievance',
    );
    expect(cuts.map((t) => t.number)).toEqual([outage?.number]);
    // 一区's cut is its own ticket; the fallen wire at 18号楼 is a danger at one place, not part of the cut,
    // and 21号楼's cut, told while the wire sparks, is the cut's, not the wire's
    expect(tickets.find((t) => t.reporter === '刘姐')?.location.compound).toBe('幸福里一区');
    const wire = tickets.find((t) => t.reporter === '胡师傅');
    expect(wire?.number).not.toBe(outage?.number);
    expect(wire?.location.building).toBe(18);
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
