import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { safeNext, staysOnSite } from '@/lib/safe-next';
import { nextCandidates, REDIRECT_SEED } from './redirect-attacks';

const SITE = 'https://musicapp.example';

test('paths of this site are kept, with their query and fragment', () => {
  for (const path of ['/', '/reservations', '/shows/show-1?seats=2#reserve', '/songs?q=a%20b']) {
    assert.equal(safeNext(path), path);
  }
});

test('known off-site spellings go home', () => {
  for (const next of [
    '//evil.example/phish',
    '/.//evil.example/phish',
    '/./\\evil.example',
    '/a/..//evil.example',
    '/\\evil.example/phish',
    '/\t/evil.example',
    '/\r\n/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'evil.example',
    '',
  ]) {
    assert.equal(new URL(safeNext(next), SITE).origin, SITE, JSON.stringify(next));
  }
  assert.equal(safeNext('/.//evil.example/phish'), '/');
  assert.equal(safeNext(null), '/');
  assert.equal(safeNext(42), '/');
});

// The class, not the instances: whatever `next` is (generated from the pieces open redirects are made
// of), what safeNext gives is a target that stays on the site when a browser follows it, and that the
// check accepts as it is (so checking it again, as the redirect does, changes nothing).
test(`generated next values never leave the site (seed ${REDIRECT_SEED})`, () => {
  fc.assert(
    fc.property(nextCandidates, (next) => {
      const target = safeNext(next);
      assert.ok(staysOnSite(target), `${JSON.stringify(next)} → ${JSON.stringify(target)}`);
      assert.equal(new URL(target, SITE).origin, SITE, `${JSON.stringify(next)} → ${JSON.stringify(target)}`);
      assert.ok(!/^[/\\]{2}/.test(target));
      assert.equal(safeNext(target), target);
    }),
    { seed: REDIRECT_SEED, numRuns: 5000 },
  );
});

test('generated paths of the site survive as the browser reads them', () => {
  const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
  fc.assert(
    fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
      const path = `/${segments.join('/')}`;
      assert.equal(safeNext(path), path);
    }),
    { seed: REDIRECT_SEED, numRuns: 500 },
  );
});
