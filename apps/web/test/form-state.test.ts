import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reservationPayload } from '@musicapp/types/reservations';
import { userPayload } from '@musicapp/types/users';
import { fieldErrorsOf } from '@/lib/form-state';

test('a form gets the first message of each invalid field from the shared schema', () => {
  const result = userPayload.safeParse({ username: 'a b', password: '1', fullname: '' });
  assert.equal(result.success, false);
  const errors = fieldErrorsOf(result.error as NonNullable<typeof result.error>);
  assert.deepEqual(Object.keys(errors).sort(), ['fullname', 'password', 'username']);
  assert.match(errors.password ?? '', /at least 6/);
});

test('seats outside 1–6 are a field error on "seats"', () => {
  const result = reservationPayload.safeParse({ showId: 'show-1', seats: 7 });
  assert.equal(result.success, false);
  assert.match(fieldErrorsOf(result.error as NonNullable<typeof result.error>).seats ?? '', /at most 6/);
});
