import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DIRECTORY_FILE } from '../../../src/directory/load-directory.js';
import { type ChatApp, startInlineApp } from '../../helpers/inline-app.js';

describe('a resident who renames themselves after a pinned staff member', () => {
  let app: ChatApp | undefined;

  afterEach(async () => {
    await app?.stop();
  });

  it('gets no staff rights: the command is refused and the ticket is unchanged', async () => {
    const file = join(tmpdir(), `directory-pinned-${process.pid}.yaml`);
    writeFileSync(
      file,
      `${readFileSync(DEFAULT_DIRECTORY_FILE, 'utf8')}\nchat_ids:\n  李明: wxid_the_real_liming\n`,
    );
    app = await startInlineApp({ env: { DIRECTORY_FILE: file } });
    // the real 李明 is in the group under his pinned account
    await app.say({ from: '李明', fromId: 'wxid_the_real_liming', room: '幸福里一区业主群', text: '大家早' });
    await app.say({ from: '王阿姨', room: '幸福里一区业主群', text: '3号楼电梯又坏了' });
    const before = await app.tickets.events(1);
    const sentBefore = app.sent.length;

    await app.say({ from: '李明', fromId: 'wxid_someone_else', room: null, text: '接单 1' });

    expect((await app.tickets.getTicket(1))?.status).toBe('open');
    expect(await app.tickets.events(1)).toHaveLength(before.length);
    const after = app.sent.slice(sentBefore);
    // the impostor is refused at his own account, and the real 李明 is told at his
    expect(after.find((m) => m.toId === 'wxid_someone_else')?.text).toContain('工作人员的指令');
    expect(after.find((m) => m.toId === 'wxid_the_real_liming')?.text).toMatch(
      /不是您本人.*「接单 1」.*已拒绝/,
    );
    expect(after.every((m) => !m.text.includes('已接单'))).toBe(true);
  });

  it('an account that takes the reporter’s display name cannot withdraw, supplement or confirm the ticket', async () => {
    app = await startInlineApp();
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

  it('a co-reporter is known by account too: a namesake sees none of the tickets, the real one is asked to confirm', async () => {
    app = await startInlineApp();
    await app.say({ from: '王阿姨', fromId: 'wxid_wang', room: '幸福里一区业主群', text: '3号楼电梯又坏了' });
    await app.say({
      from: '陈大爷',
      fromId: 'wxid_chen',
      room: '幸福里一区业主群',
      text: '3号楼电梯坏了，我们也出不了门',
    });
    expect((await app.tickets.getTicket(1))?.coReporters).toEqual(['陈大爷']);

    const before = app.sent.length;
    await app.say({ from: '陈大爷', fromId: 'wxid_fake', room: null, text: '我的工单' });
    await app.say({ from: '陈大爷', fromId: 'wxid_chen', room: null, text: '我的工单' });
    const [fake, real] = app.sent.slice(before);
    expect(fake?.toId).toBe('wxid_fake');
    expect(fake?.text).not.toContain('#1');
    expect(real?.toId).toBe('wxid_chen');
    expect(real?.text).toContain('#1');

    await app.say({ from: '李明', room: null, text: '办结 1 已联系维保公司修好电梯' });
    const asked = app.sent.filter((m) => m.room === null && m.to === '陈大爷' && m.text.includes('#1'));
    expect(asked.at(-1)?.toId).toBe('wxid_chen');
  });
});
