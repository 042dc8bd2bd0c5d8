import { once } from 'node:events';
import { createServer } from 'node:net';

/**
 * A loopback port nobody listens on right now, for a process that must be told its port up front.
 * @returns {Promise<number>}
 */
export async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  server.close();
  await once(server, 'close');
  return port;
}
