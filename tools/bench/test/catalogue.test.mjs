import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benchSongTitle } from '../catalogue.mjs';

test('bench song titles are unique, and a common word matches about one song in twelve', () => {
  const titles = Array.from({ length: 1200 }, (_, i) => benchSongTitle(i));
  assert.equal(new Set(titles).size, titles.length);
  const love = titles.filter((title) => title.split(' ').includes('love')).length;
  assert.ok(love >= 100 && love <= 200, `${love} of 1,200 titles have "love"`);
});
