import { pino } from 'pino';

/** The logging port the domain sees: pino's object-first signature. */
export type Logger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  child(bindings: object): Logger;
};

/** Creates the process logger; structured JSON to stderr so stdout stays for command output and the sandbox. */
export function createLogger(level: string, destination: 'stderr' | 'stdout' = 'stderr'): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ['*.phone', '*.idCard', '*.text', 'text'], censor: '[redacted]' },
    },
    pino.destination(destination === 'stderr' ? 2 : 1),
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
