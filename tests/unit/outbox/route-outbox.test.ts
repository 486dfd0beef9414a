import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../src/clock/clock.js';
import { silentLogger } from '../../../src/logger.js';
import { noticeTo, privateTo } from '../../../src/outbox/address.js';
import { type RoutedAccount, routeOutbox } from '../../../src/outbox/route-outbox.js';
import { SendBudget } from '../../../src/outbox/send-budget.js';
import type { OutboxMessage, OutboxRow } from '../../../src/tickets/outbox.js';

const clock = () => new SimulatedClock(new Date('2026-12-07T09:00:00+08:00'));

type Account = RoutedAccount & { waiting: number; budget: SendBudget };

/** Accounts in the given groups (each knows every person), with empty queues and budgets of 20. */
function accounts(c: SimulatedClock, groups: ReadonlyArray<readonly string[]>): Account[] {
  return groups.map((rooms, i) => {
    const account: Account = {
      account: `wechat-${i + 1}`,
      messenger: { reaches: async (m) => m.room === null || rooms.includes(m.room) },
      budget: new SendBudget(c, 20),
      waiting: 0,
      backlog: async () => account.waiting,
    };
    return account;
  });
}

function rowOf(id: number, m: OutboxMessage, extra: Partial<OutboxRow> = {}): OutboxRow {
  return {
    ...m,
    id,
    sendClass: m.sendClass ?? 'reply',
    createdAt: new Date(0),
    sentAt: null,
    failedAt: null,
    ticketNumber: 7,
    ...extra,
  };
}

/** Routes each row; where each went (account index), and what was set aside. */
async function route(
  c: SimulatedClock,
  list: Account[],
  rows: OutboxRow[],
  staffChannel?: { reaches(name: string): boolean },
) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const sentFrom = new Map<number, number>();
  const setAside: Array<{ id: number; reason: string }> = [];
  const deps = {
    tickets: {
      getOutbox: async (id: number) => byId.get(id),
      markUndeliverable: async (id: number, _at: Date, reason: string) => {
        setAside.push({ id, reason });
      },
    },
    accounts: list,
    sendFrom: async (account: number, id: number) => {
      sentFrom.set(id, account);
    },
    clock: c,
    logger: silentLogger,
    ...(staffChannel ? { staffChannel } : {}),
  };
  for (const r of rows) {
    await routeOutbox(deps, { outboxId: r.id });
  }
  return { sentFrom, setAside };
}

const inGroup = (room: string, text: string): OutboxMessage => ({
  ...{ room, roomId: `id-${room}`, to: null, toId: null, mentions: [], mentionIds: [], text },
  sendClass: 'reply',
});

describe('routing an outbox row to a bot account', () => {
  it('sends a group message from the account in the group, whatever the load', async () => {
    const c = clock();
    const list = accounts(c, [['一区群'], ['二区群']]);
    list[1] = { ...(list[1] as Account), waiting: 500 };

    const { sentFrom } = await route(c, list, [
      rowOf(1, inGroup('二区群', '已受理')),
      rowOf(2, inGroup('一区群', '已受理')),
    ]);

    expect([sentFrom.get(1), sentFrom.get(2)]).toEqual([1, 0]);
  });

  it('sends to one person from the same account each time while the accounts are idle', async () => {
    const c = clock();
    const list = accounts(c, [[], [], []]);
    const people = ['李明', '王芳', '张伟', '赵先生', '刘女士', '陈大爷'];

    const { sentFrom } = await route(
      c,
      list,
      people.flatMap((name, p) => [1, 2, 3].map((k) => rowOf(p * 10 + k, noticeTo(name, `通知${k}`)))),
    );

    for (const p of people.keys()) {
      const chosen = [1, 2, 3].map((k) => sentFrom.get(p * 10 + k));
      expect(new Set(chosen).size).toBe(1);
    }
    // six people spread over more than one account
    expect(new Set(sentFrom.values()).size).toBeGreaterThan(1);
  });

  it('sends a private message from the account with the fewest waiting, then the one with room soonest', async () => {
    const c = clock();
    const list = accounts(c, [[], []]);
    const probe = rowOf(1, privateTo('李明', '您好'));
    const preferred = (await route(c, list, [probe])).sentFrom.get(1) ?? 0;
    const other = 1 - preferred;

    (list[preferred] as Account).waiting = 3;
    expect((await route(c, list, [rowOf(2, privateTo('李明', '您好'))])).sentFrom.get(2)).toBe(other);

    (list[preferred] as Account).waiting = 0;
    for (let i = 0; i < 18; i++) {
      (list[preferred] as Account).budget.take();
    }
    // the preferred account's minute is full for replies: the other can send at once
    expect((await route(c, list, [rowOf(3, privateTo('李明', '您好'))])).sentFrom.get(3)).toBe(other);
  });

  it('sets aside a message no account can send, and leaves rows already sent or set aside alone', async () => {
    const c = clock();
    const list = accounts(c, [['一区群'], ['二区群']]);

    const { sentFrom, setAside } = await route(c, list, [
      rowOf(1, inGroup('三区群', '已受理')),
      rowOf(2, inGroup('一区群', '已受理'), { sentAt: new Date(0) }),
      rowOf(3, inGroup('一区群', '已受理'), { failedAt: new Date(0) }),
    ]);

    expect(setAside).toEqual([{ id: 1, reason: 'no bot account is in the group' }]);
    expect(sentFrom.size).toBe(0);
  });

  it('hands a staff notice for someone on the staff channel to an account even when no account knows them', async () => {
    const c = clock();
    const list = accounts(c, [[], []]).map((a) => ({ ...a, messenger: { reaches: async () => false } }));
    const wecom = { reaches: (name: string) => name === '李明' };

    const { sentFrom, setAside } = await route(
      c,
      list,
      [
        rowOf(1, noticeTo('李明', '新工单 #7')),
        rowOf(2, noticeTo('王芳', '新工单 #8')),
        rowOf(3, privateTo('李明', '您好')),
      ],
      wecom,
    );

    expect(sentFrom.has(1)).toBe(true);
    // a reply is never sent on the staff channel, and 王芳 is on no channel
    expect(setAside.map((s) => s.id)).toEqual([2, 3]);
  });
});
