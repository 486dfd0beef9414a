import type { ClassifyInput } from '../../labels/classification.js';
import { maskPersonalData } from '../../privacy/mask.js';

const OPEN = '<resident_message>';
const CLOSE = '</resident_message>';
const TAG = /<\s*\/?\s*resident_message\s*>/gi;

/**
 * The user turn sent to the model: the group it came from and the resident's text, masked and fenced
 * as untrusted data; a fence tag inside the text is removed so the text cannot close the block early.
 */
export function renderUserMessage(input: ClassifyInput): string {
  const text = maskPersonalData(input.text).replace(TAG, '');
  const room = input.roomTopic ? sanitizeTopic(input.roomTopic) : '（私聊或未知群）';
  return [`来源群：${room}`, '请对下面这条居民消息分类，只输出 JSON。', OPEN, text, CLOSE].join('\n');
}

function sanitizeTopic(topic: string): string {
  // group topics are set by residents, so they are untrusted too
  return maskPersonalData(topic).replace(TAG, '').replace(/\s+/g, ' ').trim().slice(0, 40);
}
