import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.js';

const KEYS = {
  ACCESS_TOKEN_KEY: 'a'.repeat(40),
  REFRESH_TOKEN_KEY: 'r'.repeat(40),
};

const failure = (env: Record<string, string | undefined>) => {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail('expected a ConfigError');
};

describe('configuration', () => {
  test('development defaults: embedded SQLite, port 5000, admin-only catalogue writes', () => {
    const config = loadConfig({});
    assert.equal(config.db.client, 'sqlite');
    assert.equal(config.port, 5000);
    assert.equal(config.catalogWrites, 'admin');
    assert.equal(config.tokens.accessTokenAgeSeconds, 1800);
    assert.ok(Object.isFrozen(config) && Object.isFrozen(config.tokens));
  });

  test('DB_HOST selects MySQL with its settings', () => {
    const config = loadConfig({
      ...KEYS,
      DB_HOST: 'db',
      DB_PORT: '3307',
      DB_NAME: 'music',
      DB_USER: 'app',
      DB_PASSWORD: 'pw',
    });
    assert.deepEqual(config.db, {
      client: 'mysql',
      host: 'db',
      port: 3307,
      database: 'music',
      user: 'app',
      password: 'pw',
      poolMax: 5,
    });
  });

  test('production without token keys stops with one line naming the key', () => {
    const message = failure({ NODE_ENV: 'production', DB_HOST: 'db' });
    assert.match(message, /^ACCESS_TOKEN_KEY is required in production/);
    assert.ok(!message.includes('\n'));
  });

  test('the public development keys only sign on a laptop: embedded database, loopback address', () => {
    const laptop = loadConfig({});
    assert.equal(laptop.host, '127.0.0.1', 'development listens on loopback by default');
    assert.ok(laptop.tokens.accessTokenKey.startsWith('dev-only'));
    const elsewhere: Record<string, string>[] = [
      { DB_HOST: 'db' },
      { NODE_ENV: 'test', DB_HOST: '127.0.0.1' },
      { HOST: '0.0.0.0' },
      { NODE_ENV: 'test', HOST: '192.0.2.10' },
    ];
    for (const env of elsewhere) {
      assert.match(failure(env), /^ACCESS_TOKEN_KEY is required with .*the development key is public/);
    }
    assert.equal(loadConfig({ ...KEYS, HOST: '0.0.0.0', DB_HOST: 'db' }).host, '0.0.0.0');
    assert.equal(loadConfig({ ...KEYS, NODE_ENV: 'production', DB_HOST: 'db' }).host, '0.0.0.0');
  });

  test('production without DB_HOST refuses the embedded database', () => {
    assert.match(failure({ NODE_ENV: 'production', ...KEYS }), /^DB_HOST is required/);
  });

  test('malformed settings are named: PORT, CATALOG_WRITES, short keys, BCRYPT_COST below 10', () => {
    assert.match(failure({ PORT: 'eighty' }), /^PORT must be a whole number/);
    assert.match(failure({ PORT: '70000' }), /^PORT must be at most 65535/);
    assert.match(failure({ CATALOG_WRITES: 'everyone' }), /^CATALOG_WRITES /);
    assert.match(failure({ ACCESS_TOKEN_KEY: 'short' }), /^ACCESS_TOKEN_KEY must be at least 32 characters/);
    assert.match(failure({ BCRYPT_COST: '4' }), /^BCRYPT_COST must be at least 10/);
    assert.match(failure({ ADMIN_USERNAME: 'root' }), /^ADMIN_PASSWORD is required/);
    assert.match(
      failure({ ACCESS_TOKEN_KEY: 'k'.repeat(32), REFRESH_TOKEN_KEY: 'k'.repeat(32) }),
      /must differ/,
    );
  });

  test('*_FILE secrets are read from files (trailing newline dropped); a missing file is named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'musicapp-config-'));
    const secret = (name: string, value: string) => {
      const file = join(dir, name);
      writeFileSync(file, `${value}\n`);
      return file;
    };
    const config = loadConfig({
      NODE_ENV: 'production',
      DB_HOST: 'db',
      DB_PASSWORD_FILE: secret('db', 'db-secret'),
      ACCESS_TOKEN_KEY_FILE: secret('access', KEYS.ACCESS_TOKEN_KEY),
      REFRESH_TOKEN_KEY_FILE: secret('refresh', KEYS.REFRESH_TOKEN_KEY),
      ADMIN_USERNAME: 'boss',
      ADMIN_PASSWORD_FILE: secret('admin', 'admin-secret'),
    });
    assert.equal(config.db.client === 'mysql' && config.db.password, 'db-secret');
    assert.equal(config.tokens.accessTokenKey, KEYS.ACCESS_TOKEN_KEY);
    assert.equal(config.admin?.password, 'admin-secret');
    assert.match(
      failure({ DB_PASSWORD_FILE: join(dir, 'missing') }),
      /^DB_PASSWORD_FILE: cannot read .*missing \(ENOENT\)/,
    );
    assert.match(failure({ DB_PASSWORD: 'x', DB_PASSWORD_FILE: secret('x', 'y') }), /both set/);
  });

  test('a bad *_FILE is reported as the file it is, never as a missing variable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'musicapp-config-'));
    const file = (name: string, content: string) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    };
    const production = { NODE_ENV: 'production', DB_HOST: 'db', ...KEYS };
    const shortKey = file('short', 'too-short\n');
    assert.equal(
      failure({ ...production, ACCESS_TOKEN_KEY: undefined, ACCESS_TOKEN_KEY_FILE: shortKey }),
      `ACCESS_TOKEN_KEY_FILE: the content of ${shortKey} must be at least 32 characters`,
    );
    // An empty file (a secret created from nothing) is not "unset": outside production that would
    // quietly sign with the public development key.
    for (const content of ['', '\n']) {
      const empty = file('empty', content);
      assert.equal(failure({ ACCESS_TOKEN_KEY_FILE: empty }), `ACCESS_TOKEN_KEY_FILE: ${empty} is empty`);
      assert.equal(
        failure({ ...production, ADMIN_USERNAME: 'boss', ADMIN_PASSWORD_FILE: empty }),
        `ADMIN_PASSWORD_FILE: ${empty} is empty`,
      );
      assert.equal(
        failure({ ...production, DB_PASSWORD_FILE: empty }),
        `DB_PASSWORD_FILE: ${empty} is empty`,
      );
    }
    assert.match(
      failure({ REFRESH_TOKEN_KEY_FILE: dir }),
      /^REFRESH_TOKEN_KEY_FILE: cannot read .* \(EISDIR\)$/,
    );
  });
});
