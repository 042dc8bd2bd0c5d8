import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { IDEMPOTENCY_KEY_RETENTION_MS, runHousekeeping } from '../src/housekeeping.js';
import { startTestApp, type TestApp, type TestUser } from './helpers/test-app.js';

describe('housekeeping', () => {
  let t: TestApp;
  let fan: TestUser;
  before(async () => {
    t = await startTestApp();
    fan = await t.user();
  });
  after(() => t.close());

  test('idempotency keys are kept for their retention (≥ 24 h) and removed after it; expired sessions go', async () => {
    const now = Date.now();
    const key = (name: string, createdAt: number) => ({
      user_id: fan.userId,
      idempotency_key: name,
      request_hash: 'h',
      outcome: '{}',
      created_at: createdAt,
    });
    await t
      .db('idempotency_keys')
      .insert([key('day-old', now - 24 * 3600_000), key('expired', now - IDEMPOTENCY_KEY_RETENTION_MS - 1)]);
    await t
      .db('refresh_tokens')
      .insert({ token_hash: 'e'.repeat(64), user_id: fan.userId, expires_at: now - 1, created_at: now - 10 });

    assert.deepEqual(await runHousekeeping(t.db, now), { idempotencyKeys: 1, refreshTokens: 1 });
    const left = await t.db('idempotency_keys').where({ user_id: fan.userId }).pluck('idempotency_key');
    assert.deepEqual(left, ['day-old']);
    // The fan's live session survives.
    assert.equal(
      (await t.http().put('/authentications').send({ refreshToken: fan.refreshToken })).status,
      200,
    );
  });
});
