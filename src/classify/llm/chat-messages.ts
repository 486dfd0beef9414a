import type { ClassifyInput } from '../../labels/classification.js';
import type { ClassifyPrompt } from './classify-prompt.js';
import { renderUserMessage } from './render-user-message.js';

/** A chat message in the shape every OpenAI-compatible endpoint accepts. */
export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };

/** System prompt, the few-shot pairs as user/assistant turns, then the resident's message. */
export function buildChatMessages(prompt: ClassifyPrompt, input: ClassifyInput): ChatMessage[] {
  const messages: ChatMessage[] = [{ role: 'system', content: prompt.system }];
  for (const example of prompt.examples) {
    messages.push({
      role: 'user',
      content: renderUserMessage({ text: example.text, roomTopic: example.room }),
    });
    messages.push({ role: 'assistant', content: JSON.stringify(example.reply) });
  }
  messages.push({ role: 'user', content: renderUserMessage(input) });
  return messages;
}
