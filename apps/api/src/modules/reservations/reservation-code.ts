import { randomInt } from 'node:crypto';

/** 31 characters with no look-alikes (no 0/O, 1/I/L): easy to read out at the venue door. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random reservation code such as `K7M2-QX9D`: 8 characters, about 8.5 × 10^11 possibilities. */
export function newReservationCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += (i === 4 ? '-' : '') + ALPHABET[randomInt(ALPHABET.length)];
  return code;
}
