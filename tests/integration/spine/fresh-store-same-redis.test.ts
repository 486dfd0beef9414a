import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

describe('a fresh store on a Redis that remembers an old one', () => {
  const apps: TestApp[] = [];

  afterEach(async () => {
    for (const app of apps.splice(0)) {
      await app.stop();
    }
  });

  it('still sends the replies of the new store, whose outbox ids start again at 1', async () => {
    const first = await startTestApp();
    apps.push(first);
    await first.say({ from: '王阿姨', room: '幸福里一区业主群', text: '3号楼电梯坏了，老人下不了楼' });
    expect(first.sent.length).toBeGreaterThan(0);
    await first.halt();

    const second = await startTestApp({ queuePrefix: first.queuePrefix });
    apps.push(second);
    await second.say({ from: '陈大爷', room: '幸福里一区业主群', text: '9号楼楼道灯坏了好几天了' });

    expect(second.sent.find((m) => m.room === '幸福里一区业主群')?.text).toContain('#1');
    expect(second.sent.filter((m) => m.to === '张伟')).toHaveLength(1);
  });
});
