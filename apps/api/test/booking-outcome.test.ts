import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MalformedOutcomeError, outcomeFromJson } from '../src/modules/reservations/booking.js';
import { outcomeFromProcedure } from '../src/modules/reservations/booking.procedure.js';

/** What mysql2 hands back for `call reserve_seats(…)` when the procedure selects `outcome`. */
const callAnswer = (outcome: unknown) => [[[{ outcome }], { affectedRows: 1 }], []];

describe('the booking outcome contract', () => {
  test('a well-formed procedure answer → the outcome; counts written as digits by MariaDB → numbers', () => {
    assert.deepEqual(outcomeFromProcedure(callAnswer('{"kind": "sold-out", "seatsLeft": 3}')), {
      kind: 'sold-out',
      seatsLeft: 3,
    });
    assert.deepEqual(outcomeFromProcedure(callAnswer('{"kind": "over-user-limit", "held": "6"}')), {
      kind: 'over-user-limit',
      held: 6,
    });
  });

  test('a malformed procedure answer → MalformedOutcomeError naming reserve_seats, never a value', () => {
    const malformed: [unknown, RegExp][] = [
      [callAnswer('{"kind": "sold-out"'), /not JSON/],
      [callAnswer('{"kind": "booked"}'), /kind/],
      [callAnswer('{"kind": "sold-out"}'), /seatsLeft/],
      [callAnswer('{"kind": "sold-out", "seatsLeft": -1}'), /seatsLeft/],
      [callAnswer('{"kind": "over-user-limit", "held": "six"}'), /held/],
      [callAnswer('{"kind": "reserved", "reservation": {"id": "reservation-1"}}'), /reservation/],
      [callAnswer(42), /outcome/],
      [[[[], { affectedRows: 0 }], []], /outcome/],
      [undefined, /outcome/],
    ];
    for (const [answer, problem] of malformed) {
      assert.throws(
        () => outcomeFromProcedure(answer),
        (error: unknown) =>
          error instanceof MalformedOutcomeError &&
          /^procedure reserve_seats answered a malformed booking outcome/.test(error.message) &&
          problem.test(error.message),
        JSON.stringify(answer),
      );
    }
  });

  test('a malformed outcome stored under an Idempotency-Key → MalformedOutcomeError', () => {
    assert.throws(() => outcomeFromJson('{"kind": "reserved"}', 'a stored outcome'), MalformedOutcomeError);
  });
});
