import pino, { type Logger } from 'pino';

type DriverError = Error & { code?: unknown; sqlState?: unknown; sqlMessage?: unknown; sql?: unknown };

const isDatabaseError = (error: DriverError) =>
  'sqlState' in error ||
  'sqlMessage' in error ||
  'sql' in error ||
  (typeof error.code === 'string' && /^(ER_|SQLITE_)/.test(error.code));

/** Every quoted literal of a driver's message masked: "Duplicate entry '…' for key '…'". */
const maskLiterals = (text: string) => text.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "'…'");

/**
 * An error as the logs may carry it. Database drivers put the statement with its bound values (names,
 * password and token hashes) into the message, the stack's first line and `sql`: a database error is
 * logged by its code, its state and the driver's own message with every literal masked, and its frames.
 */
export function errorForLog(error: unknown) {
  const serialized = pino.stdSerializers.err(error as Error);
  if (!(error instanceof Error) || !isDatabaseError(error as DriverError)) return serialized;
  const { sql, sqlMessage, message, stack, ...rest } = serialized as typeof serialized & DriverError;
  // knex prefixes the driver's message with the formatted statement: "<sql with values> - <message>".
  const cut = message.lastIndexOf(' - ');
  const driverMessage =
    typeof sqlMessage === 'string' ? sqlMessage : cut >= 0 ? message.slice(cut + 3) : message;
  const safeMessage = maskLiterals(driverMessage);
  const frames = stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  return { ...rest, message: safeMessage, stack: `${serialized.type}: ${safeMessage}\n${frames}` };
}

/**
 * Structured JSON logs, one line per event. Request and error logs never include headers or bodies, and
 * errors never their SQL values (errorForLog), so tokens and passwords cannot reach them.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'musicapp-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: errorForLog },
    },
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
