import pino, { type Logger } from 'pino';

/** Structured JSON logs on stdout; secrets in headers or bodies are redacted if ever logged. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'musicapp-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: ['req.headers.authorization', '*.password', '*.refreshToken', '*.accessToken'],
    },
    destination,
  );
}
