import { stripInjection } from './injection.js';
import { normalizeText } from './normalize.js';

/** The text every part of the local classifier sees: normalised, with orders to the bot removed. */
export function prepareText(raw: string): { text: string; injected: boolean } {
  return stripInjection(normalizeText(raw));
}

export const prepareForModel = (raw: string): string => prepareText(raw).text;
