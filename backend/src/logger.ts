import pino from 'pino';

/** Structured logs. Secrets never reach a log line: these paths are censored wherever they appear. */
export const REDACT_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'code',
  '*.code',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'headers.cookie',
  'databaseAuthToken',
  '*.databaseAuthToken',
];

export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination);
}
