import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeNext } from '@/lib/safe-next';

test('paths of this site are kept, with their query and fragment', () => {
  for (const path of ['/', '/reservations', '/shows/show-1?seats=2#reserve', '/songs?q=a%20b']) {
    assert.equal(safeNext(path), path);
  }
});

test('whatever a browser would read as another site goes home', () => {
  for (const next of [
    '//evil.example/phish',
    '/\\evil.example/phish',
    '/\\/evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/ /evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'evil.example',
    '',
  ]) {
    const target = safeNext(next);
    assert.ok(target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\'), target);
    assert.equal(new URL(target, 'https://musicapp.example').host, 'musicapp.example', JSON.stringify(next));
  }
  assert.equal(safeNext('/\\evil.example/phish'), '/');
  assert.equal(safeNext(null), '/');
  assert.equal(safeNext(42), '/');
});
