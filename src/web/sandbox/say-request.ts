import * as z from 'zod';
import type { SandboxSay } from '../../bot/wechaty/sandbox-world.js';

/** Longest message the page sends, in characters. */
export const MAX_TEXT_CHARS = 2_000;
/** Longest speaker name, in characters. */
export const MAX_NAME_CHARS = 20;
/** Largest photo the page sends. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

const SayBodySchema = z.object({
  /** Group topic, or null for a private chat with the bot. */
  room: z.string().nullable(),
  speaker: z.string(),
  text: z.string().optional(),
  mention: z.boolean().optional(),
  /** A photo the person picked: its file name and content, base64. */
  photo: z.object({ name: z.string(), data: z.string() }).optional(),
  voice: z.boolean().optional(),
});

export type SayRequest = { success: true; data: SandboxSay } | { success: false; error: string };

/** The picture formats a photo may be, by their first bytes. */
const PICTURES: Array<{ ext: string; magic: number[] }> = [
  { ext: 'jpg', magic: [0xff, 0xd8, 0xff] },
  { ext: 'png', magic: [0x89, 0x50, 0x4e, 0x47] },
  { ext: 'gif', magic: [0x47, 0x49, 0x46, 0x38] },
  { ext: 'webp', magic: [0x52, 0x49, 0x46, 0x46] },
];

// a voice from the page is a stand-in: the browser records no SILK
const VOICE_STAND_IN = Buffer.from('sandbox page voice stand-in').toString('base64');

const chars = (text: string) => [...text].length;

/**
 * Reads what the sandbox page asks to say: who speaks where, and the words, photo or voice. Every refusal
 * is a short Chinese sentence the page shows; the page keeps what was typed.
 */
export function parseSayRequest(body: unknown, rooms: readonly string[]): SayRequest {
  const parsed = SayBodySchema.safeParse(body);
  if (!parsed.success) {
    return { success: false, error: '请求格式不对，请刷新页面后再试。' };
  }
  const { room, photo, voice } = parsed.data;
  const from = parsed.data.speaker.trim();
  const text = (parsed.data.text ?? '').trim();
  const fail = (error: string): SayRequest => ({ success: false, error });
  if (from.length === 0) {
    return fail('请先填写说话人的名字。');
  }
  if (chars(from) > MAX_NAME_CHARS) {
    return fail(`名字最多 ${MAX_NAME_CHARS} 个字，现在是 ${chars(from)} 个字。`);
  }
  if (/\p{Cc}/u.test(from)) {
    return fail('名字里不能有换行或控制字符。');
  }
  if (room !== null && !rooms.includes(room)) {
    return fail('没有这个群，请从列表里选择。');
  }
  if (photo) {
    return photoSay(from, room, photo);
  }
  if (voice) {
    return { success: true, data: { from, room, voice: 'voice.sil', bytes: VOICE_STAND_IN } };
  }
  if (text.length === 0) {
    return fail('请先输入要说的话。');
  }
  if (chars(text) > MAX_TEXT_CHARS) {
    return fail(
      `消息太长了：${chars(text)} 个字，最多 ${MAX_TEXT_CHARS} 个字。请分成几条发送，输入框里的内容还在。`,
    );
  }
  return {
    success: true,
    data: { from, room, text, ...(parsed.data.mention && room ? { mention: true } : {}) },
  };
}

function photoSay(from: string, room: string | null, photo: { name: string; data: string }): SayRequest {
  // base64 is 4 characters for 3 bytes: refuse a huge one before decoding it
  if (photo.data.length > Math.ceil(MAX_PHOTO_BYTES / 3) * 4 + 4) {
    return { success: false, error: `照片太大了，最大 ${MAX_PHOTO_BYTES / 1024 / 1024} MB。` };
  }
  const bytes = Buffer.from(photo.data, 'base64');
  const format = PICTURES.find((p) => p.magic.every((b, i) => bytes[i] === b));
  if (!format) {
    return { success: false, error: '只能发送 JPG、PNG、GIF 或 WEBP 格式的照片。' };
  }
  const stem =
    (photo.name.split(/[\\/]/).at(-1) ?? '')
      .replace(/\.[^.]*$/, '')
      .replace(/[^\p{L}\p{N}_-]/gu, '')
      .slice(0, 40) || 'photo';
  return {
    success: true,
    data: { from, room, image: `${stem}.${format.ext}`, bytes: bytes.toString('base64') },
  };
}
