import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { healthResponse } from '@musicapp/types/operations';
import { dynamic, GET } from '@/app/api/health/route';

describe('GET /api/health', () => {
  it('answers 200 with a success envelope saying ok', async () => {
    const response = GET();

    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json\b/);
    const body: unknown = await response.json();
    assert.deepEqual(body, { status: 'success', data: { status: 'ok' } });
    assert.doesNotThrow(() => healthResponse.parse(body));
  });

  it('is never cached', () => {
    assert.equal(dynamic, 'force-dynamic');
    assert.match(GET().headers.get('cache-control') ?? '', /no-store/);
  });
});
