import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The process log. It carries ids, counts and error stacks; never message text,
 * names or tokens (the redaction is a second line of defence, not the first).
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          'authorization',
          '*.authorization',
          'headers.authorization',
          '*.headers.authorization',
          'token',
          '*.token',
          'password',
          '*.password',
        ],
        censor: '[redacted]',
      },
    },
    destination ?? process.stdout,
  );
}
