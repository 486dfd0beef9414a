import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from 'silk-wasm';
import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../src/clock/clock.js';
import { type FakeAsrServer, startFakeAsrServer } from '../../helpers/fake-asr-server.js';
import { startTestApp, type TestApp } from '../../helpers/test-app.js';

const GROUP = '幸福里二区居民群';
const RATE = 24_000;

/** A real SILK recording, as WeChat sends voice: 1.2 s of a spoken-pitch tone, encoded by silk-wasm. */
async function silkFile(): Promise<{ path: string; ms: number }> {
  const samples = Math.round(RATE * 1.2);
  const pcm = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    pcm.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 220 * i) / RATE)), i * 2);
  }
  const silk = await encode(pcm, RATE);
  const path = join(mkdtempSync(join(tmpdir(), 'shaozi-voice-')), 'voice.silk');
  writeFileSync(path, silk.data);
  return { path, ms: silk.duration };
}

describe('voice messages on the real pipeline', () => {
  let app: TestApp | undefined;
  let asr: FakeAsrServer | undefined;
  afterEach(async () => {
    await app?.stop();
    await asr?.close();
    app = undefined;
    asr = undefined;
  });

  const start = async (env: Record<string, string> = {}) => {
    app = await startTestApp({ clock: new SimulatedClock(new Date('2026-12-01T10:00:00+08:00')), env });
    return app;
  };

  it('decodes the SILK, has it transcribed and reads the words like any message, keeping the audio', async () => {
    asr = await startFakeAsrServer();
    asr.answer = { text: '我是十六号楼的，楼道里的灯坏了好几天了，晚上看不见路' };
    const bot = await start({ ASR_BASE_URL: asr.baseURL, ASR_API_KEY: 'asr-key', ASR_MODEL: 'fake-asr' });
    const voice = await silkFile();

    await bot.say({ from: '王奶奶', room: GROUP, voice: voice.path });

    // what the real SDK sent: the audio as a WAV of the decoded SILK, the model, Chinese
    const [request] = asr.requests;
    expect(request).toMatchObject({
      path: '/v1/audio/transcriptions',
      authorization: 'Bearer asr-key',
      fields: { model: 'fake-asr', language: 'zh', response_format: 'json' },
    });
    const wav = Buffer.from(request?.file?.bytes ?? new Uint8Array());
    expect(request?.file?.name).toMatch(/\.wav$/);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(24)).toBe(RATE);
    const audioMs = (wav.readUInt32LE(40) / 2 / RATE) * 1000;
    expect(Math.abs(audioMs - voice.ms)).toBeLessThan(100);

    const [ticket] = await bot.tickets.listTickets();
    expect(ticket).toMatchObject({
      reporter: '王奶奶',
      text: '我是十六号楼的，楼道里的灯坏了好几天了，晚上看不见路',
      location: expect.objectContaining({ building: 16 }),
      grid: '第三网格',
    });
    expect(ticket?.evidence).toEqual([expect.objectContaining({ kind: 'voice', by: '王奶奶' })]);
    expect(bot.sent.find((m) => m.room === GROUP)?.text).toContain(`#${ticket?.number}`);
  });

  it('without a transcription service asks the resident to type and tells the grid worker to listen', async () => {
    const bot = await start();
    const voice = await silkFile();

    await bot.say({ from: '王奶奶', room: GROUP, voice: voice.path });

    expect(await bot.tickets.listTickets()).toEqual([]);
    expect(bot.sent).toEqual([
      expect.objectContaining({
        room: GROUP,
        mentions: ['王奶奶'],
        text: expect.stringContaining('请用文字说一下'),
      }),
      expect.objectContaining({
        to: '王芳',
        text: expect.stringContaining('王奶奶在「幸福里二区居民群」发了一条语音'),
      }),
    ]);
  });

  it('falls back the same way when the service fails', async () => {
    asr = await startFakeAsrServer();
    asr.answer = { status: 503 };
    const bot = await start({ ASR_BASE_URL: asr.baseURL, ASR_API_KEY: 'asr-key' });

    await bot.say({ from: '王奶奶', room: GROUP, voice: (await silkFile()).path });

    expect(asr.requests.length).toBeGreaterThan(0);
    expect(await bot.tickets.listTickets()).toEqual([]);
    expect(bot.sent.map((m) => m.to ?? m.room)).toEqual([GROUP, '王芳']);
  });
});
