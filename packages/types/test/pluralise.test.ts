import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pluralise } from '../src/common.js';

test('one of a thing is singular; none and many are plural', () => {
  assert.equal(pluralise(1, 'seat'), '1 seat');
  assert.equal(pluralise(0, 'seat'), '0 seats');
  assert.equal(pluralise(6, 'seat'), '6 seats');
  assert.equal(pluralise(2, 'song'), '2 songs');
});

test("the api's sold-out message reads as its clients expect", () => {
  assert.equal(`Only ${pluralise(1, 'seat')} left for this show`, 'Only 1 seat left for this show');
});
