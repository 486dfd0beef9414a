import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DIRECTORY_FILE } from '../../../src/directory/load-directory.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

describe('a resident who renames themselves after a pinned staff member', () => {
  let app: TestApp | undefined;

  afterEach(async () => {
    await app?.stop();
  });

  it('gets no staff rights: the command is refused and the ticket is unchanged', async () => {
    const file = join(tmpdir(), `directory-pinned-${process.pid}.yaml`);
    writeFileSync(
      file,
      `${readFileSync(DEFAULT_DIRECTORY_FILE, 'utf8')}\nchat_ids:\n  李明: wxid_the_real_liming\n`,
    );
    app = await startTestApp({ env: { DIRECTORY_FILE: file } });
    await app.say({ from: '王阿姨', room: '幸福里一区业主群', text: '3号楼电梯又坏了' });
    const before = await app.tickets.events(1);

    await app.say({ from: '李明', room: null, text: '接单 1' });

    expect((await app.tickets.getTicket(1))?.status).toBe('open');
    expect(await app.tickets.events(1)).toHaveLength(before.length);
    expect(app.sent.at(-1)).toMatchObject({ to: '李明' });
    expect(app.sent.at(-1)?.text).not.toContain('已接单');
  });

  it('an account that takes the reporter’s display name cannot withdraw, supplement or confirm the ticket', async () => {
    app = await startTestApp();
    await app.say({ from: '王阿姨', fromId: 'wxid_wang', room: '幸福里一区业主群', text: '3号楼电梯又坏了' });
    const before = await app.tickets.events(1);

    for (const text of ['撤回 1', '补充 1 不用修了', '满意 1']) {
      await app.say({ from: '王阿姨', fromId: 'wxid_impostor', room: null, text });
    }

    expect((await app.tickets.getTicket(1))?.status).toBe('open');
    expect(await app.tickets.events(1)).toHaveLength(before.length);
    // the real reporter still can
    await app.say({ from: '王阿姨', fromId: 'wxid_wang', room: null, text: '撤回 1' });
    expect((await app.tickets.getTicket(1))?.status).toBe('cancelled');
  });
});
