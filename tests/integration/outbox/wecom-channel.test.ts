import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WecomAppChannel } from '../../../src/bot/wecom/wecom-app-channel.js';
import { type FakeWecomServer, startFakeWecomServer } from '../../helpers/fake-wecom-server.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

const CORP = { corpId: 'ww-test-corp', secret: 'app-secret' };
const GROUP = '幸福里一区业主群';

describe('WecomAppChannel against a fake WeCom API', () => {
  let wecom: FakeWecomServer | undefined;

  afterEach(async () => {
    await wecom?.close();
    wecom = undefined;
  });

  const channelOn = (server: FakeWecomServer, secret = CORP.secret) =>
    new WecomAppChannel({ apiUrl: server.url, corpId: CORP.corpId, secret, agentId: 1000002 }, (name) =>
      name === '李明' ? 'LiMing' : name === '离职者' ? 'Gone' : undefined,
    );

  it('sends application text messages with one access token, fetching a new one when it expires', async () => {
    wecom = await startFakeWecomServer({ ...CORP, users: ['LiMing'] });
    const channel = channelOn(wecom);

    await channel.send('李明', '新工单 #1');
    await channel.send('李明', '新工单 #2');
    wecom.failNext(42001);
    await channel.send('李明', '新工单 #3');

    expect(channel.reaches('李明')).toBe(true);
    expect(channel.reaches('魏经理')).toBe(false);
    expect(wecom.tokens).toEqual(['token-1', 'token-2']);
    expect(wecom.messages).toEqual([
      { token: 'token-1', touser: 'LiMing', agentid: 1000002, content: '新工单 #1' },
      { token: 'token-1', touser: 'LiMing', agentid: 1000002, content: '新工单 #2' },
      { token: 'token-2', touser: 'LiMing', agentid: 1000002, content: '新工单 #3' },
    ]);
  });

  it('says a person WeCom does not know cannot be reached, and fails on a wrong secret', async () => {
    wecom = await startFakeWecomServer({ ...CORP, users: ['LiMing'] });

    await expect(channelOn(wecom).send('离职者', '新工单 #1')).rejects.toMatchObject({
      code: 'CONTACT_NOT_FOUND',
    });
    await expect(channelOn(wecom, 'wrong').send('李明', '新工单 #1')).rejects.toThrow(/gettoken: 40013/);
    expect(wecom.messages).toEqual([]);
  });
});

describe('staff notices through WeCom on the real pipeline', () => {
  let app: TestApp | undefined;
  let wecom: FakeWecomServer | undefined;
  let dir: string | undefined;

  afterEach(async () => {
    await app?.stop();
    await wecom?.close();
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
    }
    app = undefined;
    wecom = undefined;
  });

  it('tells a grid worker with a WeCom id there, and answers the resident and other staff on WeChat', async () => {
    wecom = await startFakeWecomServer({ ...CORP, users: ['LiMing'] });
    dir = mkdtempSync(join(tmpdir(), 'shaozi-wecom-'));
    const directoryFile = join(dir, 'directory.yaml');
    writeFileSync(
      directoryFile,
      `${readFileSync('directory/xingfuli.yaml', 'utf8')}\nwecom_ids:\n  李明: LiMing\n`,
    );
    app = await startTestApp({
      env: {
        DIRECTORY_FILE: directoryFile,
        KNOWLEDGE_FILE: resolve('directory/xingfuli-kb.yaml'),
        WECOM_CORP_ID: CORP.corpId,
        WECOM_SECRET: CORP.secret,
        WECOM_AGENT_ID: '1000002',
        WECOM_API_URL: wecom.url,
      },
    });

    await app.say({ from: '王阿姨', room: GROUP, text: '3号楼2单元的电梯又坏了' });

    const [ticket] = await app.tickets.listTickets();
    expect(ticket?.assignees).toEqual(['李明', '魏经理']);
    expect(wecom.messages).toEqual([
      expect.objectContaining({
        touser: 'LiMing',
        content: expect.stringContaining(`新工单 #${ticket?.number}`),
      }),
    ]);
    expect(app.sent.map((m) => m.room ?? m.to)).toEqual([GROUP, '魏经理']);
    expect(await app.tickets.pendingOutbox()).toEqual([]);
  }, 60_000);
});
