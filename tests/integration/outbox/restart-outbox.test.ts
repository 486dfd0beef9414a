import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openKyselyTicketStore, SQLITE_FILE_NAME } from '../../../src/store/open-ticket-store.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

describe('the outbox after a restart', () => {
  let app: TestApp | undefined;
  const cleanup: string[] = [];

  afterEach(async () => {
    await app?.stop();
    app = undefined;
    for (const dir of cleanup.splice(0)) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('re-queues every message committed but not sent before the crash, not only the first hundred', async () => {
    const env = { OUTBOX_PER_MINUTE: '100000' };
    const first = await startTestApp({ env });
    const { dataDir, queuePrefix } = first;
    cleanup.push(dataDir);
    await first.halt();
    // a backlog the rate limit had not yet worked off when the process died
    const store = await openKyselyTicketStore({ sqlitePath: join(dataDir, SQLITE_FILE_NAME) });
    const backlog = Array.from({ length: 130 }, (_, i) => ({
      room: null,
      roomId: null,
      to: '李明',
      toId: null,
      mentions: [],
      mentionIds: [],
      text: `积压消息 ${i + 1}`,
    }));
    await store.enqueueMessages(backlog, { at: new Date(), key: 'backlog' });
    await store.close();

    app = await startTestApp({ env, dataDir, queuePrefix });
    await app.settle();

    expect(app.sent.filter((m) => m.text.startsWith('积压消息'))).toHaveLength(130);
    expect(await app.tickets.pendingOutbox()).toEqual([]);
  });
});
