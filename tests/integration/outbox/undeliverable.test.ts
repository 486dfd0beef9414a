import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

describe('an outbox row that can never be delivered', () => {
  let app: TestApp;

  beforeEach(async () => {
    app = await startTestApp();
  });

  afterEach(async () => {
    await app.stop();
  });

  it('is set aside at once instead of failing forever, and the rest still go out', async () => {
    const ids = await app.tickets.enqueueMessages(
      [
        {
          room: null,
          roomId: null,
          to: '查无此人',
          toId: null,
          mentions: [],
          mentionIds: [],
          text: '测试一',
        },
        { room: null, roomId: null, to: '李明', toId: null, mentions: [], mentionIds: [], text: '测试二' },
      ],
      { at: new Date(), key: 'undeliverable-test' },
    );

    await app.queue.enqueueOutbox(ids);
    await app.settle();

    expect(app.sent.map((m) => m.text)).toEqual(['测试二']);
    const [lost, delivered] = await Promise.all(ids.map((id) => app.tickets.getOutbox(id)));
    expect(lost).toMatchObject({ sentAt: null, failedAt: expect.any(Date) });
    expect(delivered?.sentAt).toBeInstanceOf(Date);
    expect(await app.tickets.pendingOutbox()).toEqual([]);
  });
});
