import { pino } from 'pino';
import { maskPersonalData } from './privacy/mask.js';

/** The logging port the domain sees: pino's object-first signature. */
export type Logger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  child(bindings: object): Logger;
};

/**
 * Creates the process logger: structured JSON to stderr (stdout stays for command output), or appended to
 * a file (the sandbox keeps the terminal for the chat).
 */
export function createLogger(
  level: string,
  destination: 'stderr' | 'stdout' | { file: string } | { write(line: string): void } = 'stderr',
): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ['*.phone', '*.idCard', '*.text', 'text'], censor: '[redacted]' },
      // whatever else a log line carries (an error message, a detail, an LLM's echo) is masked too
      formatters: { log: (object) => maskDeep(object) as Record<string, unknown> },
    },
    typeof destination !== 'object'
      ? pino.destination(destination === 'stderr' ? 2 : 1)
      : 'file' in destination
        ? pino.destination({ dest: destination.file, mkdir: true, append: true, sync: false })
        : destination,
  );
}

/** Every string inside a log object with personal numbers masked; depth-limited, cycles left alone. */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return maskPersonalData(value);
  }
  if (depth > 6 || value === null || typeof value !== 'object') {
    return value;
  }
  if (value instanceof Error) {
    return {
      type: value.name,
      message: maskPersonalData(value.message),
      stack: maskPersonalData(value.stack ?? ''),
    };
  }
  if (Array.isArray(value)) {
    return value.map((v) => maskDeep(v, depth + 1));
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, depth + 1)]));
}

export const silentLogger: Logger = pino({ level: 'silent' });
