import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Knex } from 'knex';
import request from 'supertest';
import { createDb } from '../src/db/create-db.js';
import { createLogger } from '../src/logger.js';
import { createCheckedApp, testConfig } from './helpers/test-app.js';
import { createTestDatabase, type TestDatabase, testDialect } from './helpers/test-database.js';

/**
 * A TCP relay between the api and MariaDB that the test can cut and restore, like a database restart
 * or a network blip: every open connection dies and new ones are refused until it is back.
 */
class CuttableLink {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = createConnection(this.target);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    this.server.listen(this.port, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as { port: number }).port;
  }

  async cut(): Promise<void> {
    const closed = this.server ? once(this.server, 'close') : Promise.resolve();
    this.server?.close();
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

describe('the database goes away and comes back', {
  skip: testDialect() !== 'mysql' && 'needs a database server (TEST_DB=mysql)',
}, () => {
  let database: TestDatabase;
  let link: CuttableLink;
  let db: Knex;
  let app: ReturnType<typeof createCheckedApp>;

  before(async () => {
    database = await createTestDatabase();
    assert.equal(database.config.client, 'mysql');
    const { host, port } = database.config;
    link = new CuttableLink({ host, port });
    await link.open();
    db = createDb({ ...database.config, host: '127.0.0.1', port: link.port });
    app = createCheckedApp({ db, config: testConfig(), logger: createLogger('silent') });
  });
  after(async () => {
    await link?.cut();
    await db?.destroy();
    await database?.drop();
  });

  test('requests get 503 quickly during the outage, and the api recovers by itself when it ends', async () => {
    assert.equal((await request(app).get('/albums')).status, 200); // the pool now holds live connections

    await link.cut();
    for (const path of ['/albums', '/songs?title=blue', '/ready']) {
      const started = Date.now();
      const res = await request(app).get(path);
      assert.equal(res.status, 503, `${path} during the outage`);
      assert.equal(res.body.status, 'error');
      assert.ok(Date.now() - started < 2500, `${path} answered in ${Date.now() - started} ms`);
    }
    assert.equal((await request(app).get('/health')).status, 200, 'liveness never depends on the database');

    await link.open(); // same port: the database is back
    let status = 0;
    const deadline = Date.now() + 10_000;
    while (status !== 200 && Date.now() < deadline) {
      status = (await request(app).get('/albums')).status;
      if (status !== 200) await sleep(200);
    }
    assert.equal(status, 200, 'the api serves again without a restart');
    assert.equal((await request(app).get('/ready')).status, 200);
  });
});
