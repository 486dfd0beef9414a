import { pino } from 'pino';

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
  destination: 'stderr' | 'stdout' | { file: string } = 'stderr',
): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ['*.phone', '*.idCard', '*.text', 'text'], censor: '[redacted]' },
    },
    typeof destination === 'object'
      ? pino.destination({ dest: destination.file, mkdir: true, append: true, sync: false })
      : pino.destination(destination === 'stderr' ? 2 : 1),
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
