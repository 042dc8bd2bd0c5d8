import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { startApi } from '@musicapp/test-kit';

/** The admin account as start-up makes it from ADMIN_USERNAME/ADMIN_PASSWORD, across restarts. */
describe('admin bootstrap', { timeout: 90_000 }, () => {
  const send = (base: string, method: string, path: string, body: unknown, token?: string) =>
    fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const post = (base: string, path: string, body: unknown, token?: string) =>
    send(base, 'POST', path, body, token);
  const login = async (base: string, username: string, password: string) => {
    const res = await post(base, '/authentications', { username, password });
    type Tokens = { accessToken: string; refreshToken: string };
    const tokens = res.status === 201 ? ((await res.json()) as { data: Tokens }).data : null;
    return { status: res.status, tokens };
  };
  /** One api process on the database file, with `admin` as its ADMIN_* settings; stops after `body`. */
  async function withApi(
    file: string,
    admin: { username: string; password: string },
    body: (base: string, logs: () => string) => Promise<void>,
  ) {
    const api = await startApi({
      entry: 'source',
      env: { SQLITE_FILE: file, ADMIN_USERNAME: admin.username, ADMIN_PASSWORD: admin.password },
    });
    try {
      await body(api.base, () => api.output().stdout);
    } finally {
      api.kill();
      await api.exited(5000);
    }
  }

  test('an ordinary account of that name is never made admin, and keeps its own password', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'musicapp-admin-')), 'api.sqlite');
    // First start without the name taken by anyone: someone registers "chief" as a listener.
    await withApi(file, { username: 'founder', password: 'founder-password' }, async (base) => {
      const res = await post(base, '/users', {
        username: 'chief',
        password: 'listener-password',
        fullname: 'Early Bird',
      });
      assert.equal(res.status, 201);
    });
    // The operator then names "chief" as the admin.
    await withApi(file, { username: 'chief', password: 'operator-password' }, async (base, logs) => {
      assert.equal((await login(base, 'chief', 'operator-password')).status, 401, 'the secret opens nothing');
      const early = await login(base, 'chief', 'listener-password');
      assert.equal(early.status, 201);
      const album = await post(base, '/albums', { name: 'Hijack', year: 2026 }, early.tokens?.accessToken);
      assert.equal(album.status, 403, 'the early registrant is not admin');
      assert.match(logs(), /ADMIN_USERNAME names an ordinary account/);
    });
  });

  test('changing ADMIN_PASSWORD and restarting resets the admin password and ends its sessions', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'musicapp-admin-')), 'api.sqlite');
    let refreshToken = '';
    await withApi(file, { username: 'boss', password: 'first-password' }, async (base) => {
      const first = await login(base, 'boss', 'first-password');
      assert.equal(first.status, 201);
      refreshToken = first.tokens?.refreshToken ?? '';
    });
    await withApi(file, { username: 'boss', password: 'second-password' }, async (base, logs) => {
      assert.equal((await login(base, 'boss', 'first-password')).status, 401, 'the old password is gone');
      const second = await login(base, 'boss', 'second-password');
      assert.equal(second.status, 201);
      const album = await post(
        base,
        '/albums',
        { name: 'Still Admin', year: 2026 },
        second.tokens?.accessToken,
      );
      assert.equal(album.status, 201);
      assert.equal(
        (await send(base, 'PUT', '/authentications', { refreshToken })).status,
        400,
        'old session ended',
      );
      assert.match(logs(), /"outcome":"password-reset"/);
    });
    // Restarting with the same secret changes nothing.
    await withApi(file, { username: 'boss', password: 'second-password' }, async (base, logs) => {
      assert.equal((await login(base, 'boss', 'second-password')).status, 201);
      assert.match(logs(), /"outcome":"unchanged"/);
    });
  });
});
