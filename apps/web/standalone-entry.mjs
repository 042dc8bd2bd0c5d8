// The web container's entry point: Next's standalone server (`server.js`, beside this file in the image)
// plus the drain on SIGTERM that Next does not do. Next stops accepting connections but keeps answering
// on connections a proxy keeps alive, and under steady traffic those never go idle, so the task would be
// killed at the end of its stop_grace_period with requests in flight. From SIGTERM on, every answer
// here says "Connection: close" (nginx then drops that connection itself), connections still idle after
// a short grace are closed, and the process exits once the last one has ended.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { Server as NetServer } from 'node:net';

const IDLE_GRACE_MS = 5000; // nginx-frontend re-resolves the web replicas every 5 s
const SHUTDOWN_TIMEOUT_MS = 20_000; // below the stack's stop_grace_period (30 s)

const servers = [];
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (...args) {
  servers.push(this);
  return listen.apply(this, args);
};
process.env.NEXT_MANUAL_SIG_HANDLE = 'true'; // Next leaves SIGTERM and SIGINT to us

function drain() {
  let open = servers.length;
  for (const server of servers) {
    server.prependListener('request', (_req, res) => res.setHeader('Connection', 'close'));
    // Stop accepting, without `server.close()`'s immediate close of idle kept-alive connections.
    NetServer.prototype.close.call(server, () => {
      open -= 1;
      if (open === 0) process.exit(0);
    });
  }
  setTimeout(() => {
    for (const server of servers) {
      server.closeIdleConnections();
      setInterval(() => server.closeIdleConnections(), 100).unref();
    }
  }, IDLE_GRACE_MS).unref();
  setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
  if (open === 0) process.exit(0);
}
process.once('SIGTERM', drain);
process.once('SIGINT', drain);

// The Server Actions key is not in the image (scripts/forget-server-actions-key.mjs): the stack gives it
// as a secret file, and Next reads it from the environment.
const keyFile = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY_FILE;
if (keyFile && !process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) {
  try {
    process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = readFileSync(keyFile, 'utf8').trim();
  } catch (error) {
    console.error(`NEXT_SERVER_ACTIONS_ENCRYPTION_KEY_FILE: cannot read ${keyFile} (${error.code})`);
    process.exit(78);
  }
}

await import('./server.js');
