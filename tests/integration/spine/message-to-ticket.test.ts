import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptMessage } from '../../../src/intake/accept-message.js';
import { silentLogger } from '../../../src/logger.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

const GROUP = '幸福里一区业主群';

describe('a group message on the real pipeline (mock puppet, Redis, SQLite)', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startTestApp();
  });

  afterEach(async () => {
    await app.stop();
  });

  it('turns a grievance into one routed ticket, a group reply with #N and a private notice to the grid worker', async () => {
    await app.say({ from: '王阿姨', room: GROUP, text: '3号楼2单元的电梯又坏了，老人下不了楼' });

    const tickets = await app.tickets.listTickets();
    expect(tickets).toHaveLength(1);
    const [ticket] = tickets;
    expect(ticket).toMatchObject({
      number: 1,
      status: 'open',
      intent: 'grievance',
      category: 'elevator',
      body: 'property',
      grid: '第一网格',
      partyBranch: '第一网格党支部',
      reporter: '王阿姨',
      room: GROUP,
      location: { compound: '幸福里一区', building: 3, unit: 2 },
    });
    expect(ticket?.assignees).toEqual(['李明', '魏经理']);
    const groupReplies = app.sent.filter((m) => m.room === GROUP);
    expect(groupReplies).toHaveLength(1);
    expect(groupReplies[0]?.mentions).toEqual(['王阿姨']);
    expect(groupReplies[0]?.text).toContain('#1');
    expect(groupReplies[0]?.text).toContain('安居物业');
    const toWorker = app.sent.filter((m) => m.to === '李明');
    expect(toWorker).toHaveLength(1);
    expect(toWorker[0]?.text).toContain('幸福里一区3号楼2单元');
    expect(app.sent.filter((m) => m.to === '魏经理')).toHaveLength(1);
  });

  it('routes a building of the old compound to its grid worker and to housing', async () => {
    await app.say({ from: '陈大爷', room: '幸福里二区居民群', text: '15号楼顶楼漏水，屋顶渗水到家里了' });

    const [ticket] = await app.tickets.listTickets();

    expect(ticket).toMatchObject({ body: 'housing', grid: '第三网格', assignees: ['王芳', '蒋工'] });
    expect(app.sent.filter((m) => m.to === '王芳')).toHaveLength(1);
  });

  it('sends a message without a building to the grid of its group', async () => {
    await app.say({ from: '刘女士', room: '锦苑邻里群', text: '小区垃圾桶好几天没人清理了，臭气熏天' });

    const [ticket] = await app.tickets.listTickets();

    expect(ticket?.grid).toBe('第四网格');
    expect(ticket?.assignees[0]).toBe('陈静');
  });

  it('makes one ticket of a message the puppet delivers twice', async () => {
    const id = await app.say({ from: '王阿姨', room: GROUP, text: '5号楼楼道灯坏了一个星期了' });
    app.world.redeliver(id);
    await app.settle();

    expect(await app.tickets.listTickets()).toHaveLength(1);
    expect(app.sent.filter((m) => m.room === GROUP)).toHaveLength(1);
  });

  it('makes one ticket of a message accepted twice after a restart (store and job id dedupe)', async () => {
    const message = {
      key: 'acct:redelivered-1',
      roomId: null,
      roomTopic: null,
      senderId: 'wxid-x',
      senderName: '赵先生',
      text: '8号楼门口的井盖丢了，晚上很危险',
      kind: 'text' as const,
      mentionsBot: true,
      sentAt: new Date(),
    };
    const deps = {
      tickets: app.tickets,
      queue: app.queue,
      clock: { now: () => new Date(), waitUntil: async () => {} },
      logger: silentLogger,
    };

    await acceptMessage(deps, message);
    await acceptMessage(deps, message);
    await app.settle();

    expect(await app.tickets.listTickets()).toHaveLength(1);
  });

  it.each([
    ['3号楼有人晕倒在楼道里了，叫不醒', '120'],
    ['6号楼厨房着火了，浓烟从窗户冒出来', '119'],
    ['楼下有人拿刀砍人，快来人', '110'],
  ])('answers an emergency at once with the right number: %s', async (text, phone) => {
    await app.say({ from: '赵先生', room: GROUP, text });

    const [first] = app.sent;
    expect(first?.room).toBe(GROUP);
    expect(first?.mentions).toEqual(['赵先生']);
    expect(first?.text).toContain(phone);
    expect(first?.text).toMatch(/#\d+/);
    const alerted = app.sent.filter((m) => m.room === null).map((m) => m.to);
    expect(alerted).toEqual(expect.arrayContaining(['李明', '刘桂兰', '吴晓东', '郑海']));
    const [ticket] = await app.tickets.listTickets();
    expect(ticket).toMatchObject({ intent: 'emergency', urgency: 'emergency' });
  });

  it('says nothing to chatter and opens no ticket', async () => {
    await app.say({ from: '王阿姨', room: GROUP, text: '大家早上好呀🌞' });
    await app.say({ from: '陈大爷', room: GROUP, text: '收到' });

    expect(app.sent).toEqual([]);
    expect(await app.tickets.listTickets()).toEqual([]);
  });

  it('answers a question from the knowledge base, without a ticket', async () => {
    await app.say({ from: '刘女士', room: GROUP, text: '请问老年优待证去哪里办理？需要带什么材料？' });

    expect(await app.tickets.listTickets()).toEqual([]);
    expect(app.sent).toHaveLength(1);
    expect(app.sent[0]).toMatchObject({ room: GROUP, mentions: ['刘女士'] });
    // the published answer, whole: where to go, what to bring, the office phone unmasked
    expect(app.sent[0]?.text).toContain('身份证');
    expect(app.sent[0]?.text).toContain('0571-86521001');
  });

  it('answers a private report privately', async () => {
    await app.say({ from: '赵先生', room: null, text: '26号楼电梯按钮失灵好几天了' });

    const [ticket] = await app.tickets.listTickets();
    expect(ticket).toMatchObject({ room: null, grid: '第四网格', body: 'property' });
    expect(app.sent.find((m) => m.to === '赵先生')?.text).toContain(`#${ticket?.number}`);
    expect(app.sent.find((m) => m.to === '陶经理')).toBeDefined();
  });
});

describe('messages the bot cannot act on', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startTestApp();
  });

  afterEach(async () => {
    await app.stop();
  });

  it('asks a resident who sent a voice message to write instead, tells the grid worker, and opens no ticket', async () => {
    await app.say({ from: '王阿姨', room: GROUP, voice: 'voice-1.silk' });

    expect(await app.tickets.listTickets()).toEqual([]);
    expect(app.sent).toHaveLength(2);
    expect(app.sent[0]).toMatchObject({ room: GROUP, mentions: ['王阿姨'] });
    expect(app.sent[0]?.text).toContain('文字');
    expect(app.sent[1]).toMatchObject({ to: '李明', text: expect.stringContaining('发了一条语音') });
  });

  it('greets a resident who says hello in private with how to use it, but stays quiet in the group', async () => {
    await app.say({ from: '赵先生', room: null, text: '你好' });
    await app.say({ from: '赵先生', room: GROUP, text: '你好' });

    expect(app.sent).toHaveLength(1);
    expect(app.sent[0]).toMatchObject({ to: '赵先生' });
    expect(app.sent[0]?.text).toContain('帮助');
  });
});
