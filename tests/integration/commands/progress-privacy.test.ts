import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatApp } from '../../helpers/inline-app.js';
import { exchange, GROUP_1, report, startCommandsApp } from './command-test-kit.js';

describe('group replies and the reporter’s home', () => {
  let app: ChatApp;

  beforeEach(async () => {
    app = await startCommandsApp();
  });

  afterEach(async () => {
    await app.stop();
  });

  it('shows a neighbour the building and unit but not the reporter’s room; the reporter sees it all', async () => {
    const t = await report(app, '王阿姨', GROUP_1, '5号楼2单元502室卫生间天花板漏水，楼上渗下来的');
    expect(t.location.room).toBe(502);

    const neighbour = await exchange(app, { from: '陈大爷', room: GROUP_1, text: `进度 ${t.number}` });
    const own = await exchange(app, { from: '王阿姨', room: GROUP_1, text: `进度 ${t.number}` });

    expect(neighbour).toHaveLength(1);
    expect(neighbour[0]?.text).toContain('5号楼2单元');
    expect(neighbour[0]?.text).not.toContain('502');
    expect(own[0]?.text).toContain('5号楼2单元502');
  });

  it('tells a neighbour who reports the same problem that it joined #N without naming the first reporter’s room', async () => {
    const t = await report(app, '王阿姨', GROUP_1, '5号楼2单元502室卫生间天花板漏水，楼上渗下来的');

    const joined = await exchange(app, {
      from: '陈大爷',
      room: GROUP_1,
      text: '5号楼楼顶漏水，家里天花板在渗水',
    });

    expect((await app.tickets.getTicket(t.number))?.coReporters).toEqual(['陈大爷']);
    const reply = joined.find((m) => m.room === GROUP_1);
    expect(reply?.text).toContain(`#${t.number}`);
    expect(reply?.text).toContain('5号楼');
    expect(reply?.text).not.toContain('502');
  });

  it('answers 进度 N by the same rule in private: a member of the group sees what the group sees, a stranger nothing', async () => {
    const t = await report(app, '王阿姨', GROUP_1, '5号楼2单元502室卫生间天花板漏水，楼上渗下来的');
    await exchange(app, { from: '陈大爷', room: GROUP_1, text: '大家早上好' });

    const member = await exchange(app, { from: '陈大爷', room: null, text: `进度 ${t.number}` });
    const stranger = await exchange(app, { from: '路人甲', room: null, text: `进度 ${t.number}` });

    expect(member).toHaveLength(1);
    expect(member[0]).toMatchObject({ to: '陈大爷' });
    expect(member[0]?.text).toContain('5号楼2单元');
    expect(member[0]?.text).not.toContain('502');
    expect(stranger[0]?.text).toContain('抱歉');
    expect(stranger[0]?.text).not.toContain('5号楼');
  });
});
