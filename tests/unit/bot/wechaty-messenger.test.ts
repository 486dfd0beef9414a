import { describe, expect, it } from 'vitest';
import type { Wechaty } from 'wechaty';
import { WechatyMessenger } from '../../../src/bot/wechaty/wechaty-messenger.js';
import { privateTo } from '../../../src/outbox/address.js';

/** A Wechaty whose Contact.find answers from a list of accounts and records each query. */
function fakeBot(accounts: Array<{ id: string; name: string }>) {
  const queries: object[] = [];
  const said: Array<{ to: string; text: string }> = [];
  const contact = (a: { id: string; name: string }) => ({
    id: a.id,
    say: async (text: string) => {
      said.push({ to: a.id, text });
    },
  });
  const bot = {
    Contact: {
      find: async (query: { id?: string; name?: string }) => {
        queries.push(query);
        const found = accounts.find((a) => (query.id ? a.id === query.id : a.name === query.name));
        return found ? contact(found) : undefined;
      },
    },
  } as unknown as Wechaty;
  return { bot, queries, said };
}

describe('WechatyMessenger finds people by account, not by a name anyone can take', () => {
  const accounts = [
    { id: 'wxid_impostor', name: '李明' },
    { id: 'wxid_real', name: '李明' },
  ];

  it('sends to the known account and never falls back to the name when it is not found', async () => {
    const { bot, said, queries } = fakeBot(accounts);
    const messenger = new WechatyMessenger(bot);
    await messenger.send(privateTo('李明', '您好', 'wxid_real'));
    expect(said).toEqual([{ to: 'wxid_real', text: '您好' }]);

    await expect(messenger.send(privateTo('李明', '您好', 'wxid_gone'))).rejects.toThrow(/no contact/);
    expect(queries.at(-1)).toEqual({ id: 'wxid_gone' });
    expect(said).toHaveLength(1);
  });

  it('sends a notice addressed by a pinned staff name to the pinned account', async () => {
    const { bot, said } = fakeBot(accounts);
    const messenger = new WechatyMessenger(bot, undefined, (name) =>
      name === '李明' ? 'wxid_real' : undefined,
    );
    await messenger.send(privateTo('李明', '【新工单】#1'));
    expect(said).toEqual([{ to: 'wxid_real', text: '【新工单】#1' }]);
  });

  it('looks a name up only when nothing pins it', async () => {
    const { bot, said } = fakeBot([{ id: 'wxid_wang', name: '王阿姨' }]);
    await new WechatyMessenger(bot).send(privateTo('王阿姨', '收到'));
    expect(said).toEqual([{ to: 'wxid_wang', text: '收到' }]);
  });
});
