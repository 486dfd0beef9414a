import OpenAI, { toFile } from 'openai';
import type { AsrSettings } from '../config.js';
import type { Transcriber } from '../intake/voice.js';
import { toWav } from './silk-audio.js';

/**
 * Transcribes a voice message with an OpenAI-compatible `audio/transcriptions` endpoint: WeChat's SILK is
 * decoded to WAV first; the language is Chinese. Throws when the audio cannot be read or the service fails.
 */
export function createOpenAITranscriber(settings: AsrSettings): Transcriber {
  const client = new OpenAI({
    baseURL: settings.baseURL,
    apiKey: settings.apiKey,
    timeout: settings.timeoutMs,
    maxRetries: 1,
  });
  return {
    async transcribe({ audio, fileName }) {
      const wav = await toWav(audio);
      if (!wav) {
        throw new Error(`${fileName} is neither SILK nor WAV audio`);
      }
      const file = await toFile(wav, fileName.replace(/\.[a-z0-9]+$/i, '.wav'), { type: 'audio/wav' });
      const result = await client.audio.transcriptions.create({
        file,
        model: settings.model,
        language: 'zh',
        response_format: 'json',
      });
      return result.text.trim();
    },
  };
}
