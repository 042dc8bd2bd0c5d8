import assert from 'node:assert/strict';
import { test } from 'node:test';
import { albumPayload } from '../src/albums.js';
import { pageQuery } from '../src/common.js';
import { songPayload } from '../src/songs.js';
import { userLookupQuery, userPayload } from '../src/users.js';

test('a payload with an unknown field is rejected and the field is named', () => {
  const result = albumPayload.safeParse({ name: 'Blue', year: 1971, colour: 'blue' });
  assert.equal(result.success, false);
  assert.match(JSON.stringify(result.error?.issues), /colour/);
});

test('page query defaults to 50 items and caps the limit at 200', () => {
  assert.deepEqual(pageQuery.parse({}), { limit: 50 });
  assert.equal(pageQuery.parse({ limit: '200' }).limit, 200);
  assert.equal(pageQuery.safeParse({ limit: '201' }).success, false);
  assert.equal(pageQuery.safeParse({ limit: '1.5' }).success, false);
});

test('song duration and album are optional, a string year is not a year', () => {
  const song = { title: 'So What', year: 1959, genre: 'Jazz', performer: 'Miles Davis' };
  assert.equal(songPayload.safeParse(song).success, true);
  assert.equal(songPayload.safeParse({ ...song, duration: null, albumId: null }).success, true);
  assert.equal(songPayload.safeParse({ ...song, year: '1959' }).success, false);
});

test('a password longer than bcrypt reads (72 bytes) is refused, not truncated', () => {
  const user = { username: 'miles', fullname: 'Miles Davis' };
  assert.equal(userPayload.safeParse({ ...user, password: 'x'.repeat(72) }).success, true);
  assert.equal(userPayload.safeParse({ ...user, password: 'é'.repeat(37) }).success, false);
});

test('a user lookup needs one username of at most 50 characters, blank is not one', () => {
  assert.deepEqual(userLookupQuery.parse({ username: ' miles ' }), { username: 'miles' });
  assert.equal(userLookupQuery.safeParse({}).success, false);
  assert.equal(userLookupQuery.safeParse({ username: '   ' }).success, false);
  assert.equal(userLookupQuery.safeParse({ username: 'x'.repeat(51) }).success, false);
  assert.equal(userLookupQuery.safeParse({ username: ['a', 'b'] }).success, false);
});
