import fc from 'fast-check';

/**
 * The seed of every generated-redirect run, so a failure replays exactly: REDIRECT_SEED=<n> to try
 * another sequence (the test names print the seed they used).
 */
export const REDIRECT_SEED = Number(process.env.REDIRECT_SEED ?? 20261203);

/** What open redirects are made of: slashes and their spellings, dot segments, controls, schemes, hosts. */
const slashes = [
  '/',
  '//',
  '///',
  '\\',
  '\\\\',
  '/\\',
  '\\/',
  '%2F',
  '%2f',
  '%5C',
  '%5c',
  '／',
  '＼',
  '⁄',
  '∕',
];
const dots = ['.', '..', '/./', '/../', '/.//', '/..//', '%2e', '%2E%2E', '.%2F', '%2e%2e%2f', '。'];
const controls = [
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\0',
  '\x1f',
  '\x7f',
  ' ',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '%09',
  '%0a',
  '%00',
];
const schemes = [
  'http:',
  'https:',
  'HTTPS:',
  'javascript:',
  'jAvAsCrIpT:',
  'data:',
  'ftp:',
  'blob:',
  'http:\\\\',
];
const hosts = [
  'evil.example',
  'evil.example:443',
  'user@evil.example',
  '@evil.example',
  'musicapp.example@evil.example',
  'evil.example.',
  'ｅｖｉｌ.example',
  'xn--e1afmkfd.example',
  '127.0.0.1',
  '[::1]',
  '0x7f.1',
];
const tails = ['/phish', '?next=//evil.example', '#//evil.example', '/..', '%00', ';', ':', '@', '?', '#'];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...slashes, ...dots, ...controls, ...schemes, ...hosts, ...tails) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'grapheme' }) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z]{1,6}$/) },
);

/** `next` values as an attacker would write them: mostly starting like a path, some not at all. */
export const nextCandidates: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => `/${parts.join('')}`),
  },
  { weight: 2, arbitrary: fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
);

/** `count` generated values, the same ones for the same seed. */
export const sampleNexts = (count: number, seed = REDIRECT_SEED) =>
  fc.sample(nextCandidates, { seed, numRuns: count });
