import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs, one line per event. Request and error logs never include headers or bodies, so
 * tokens and passwords cannot reach them.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    { level, base: { service: 'musicapp-api' }, timestamp: pino.stdTimeFunctions.isoTime },
    destination,
  );
}

/**
 * The process logger: stdout written asynchronously (a synchronous write per request line costs more
 * than serving the request). `flush()` writes what is buffered before the process exits.
 */
export function createProcessLogger(level: string): { logger: Logger; flush: () => void } {
  const destination = pino.destination({ dest: 1, sync: false });
  return {
    logger: createLogger(level, destination),
    flush: () => {
      try {
        destination.flushSync();
      } catch {
        // nothing buffered, or stdout already closed
      }
    },
  };
}
