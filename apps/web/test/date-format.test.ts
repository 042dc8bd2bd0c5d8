import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatForReader, preferredLocale } from '@/lib/date-format';

const ISO = '2027-03-05T20:00:00.000Z';

test('the first language Intl knows wins, quality values and wildcards aside', () => {
  assert.equal(preferredLocale('fr-CA,fr;q=0.9,en;q=0.8'), 'fr-CA');
  assert.equal(preferredLocale('*;q=0.5, de-DE'), 'de-DE');
  assert.equal(preferredLocale('not a tag!!, es'), 'es');
  assert.equal(preferredLocale(undefined), 'en-GB');
  assert.equal(preferredLocale(''), 'en-GB');
});

test('a known time zone gives local time in the reader’s language, without a UTC label', () => {
  const format = formatForReader('fr-FR', 'Europe/Paris');
  const text = format(ISO);
  assert.match(text, /vendredi 5 mars 2027/);
  assert.match(text, /21:00/); // 20:00 UTC is 21:00 in Paris in March
  assert.doesNotMatch(text, /UTC/);
});

test('no time zone yet, or a bogus one, reads in UTC and says so', () => {
  for (const zone of [undefined, 'Mars/Olympus_Mons', '../../etc']) {
    const text = formatForReader('en-US', zone)(ISO);
    assert.match(text, /Friday, March 5, 2027/);
    assert.match(text, /8:00\sPM UTC$/);
  }
});
