import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The local swarm's TLS pair: a self-signed certificate for localhost and 127.0.0.1 (where this
 * machine reaches the manager's published ports), made with openssl as an operator's trial would be,
 * and given to the stack as its certificate (compose/create-secrets.sh's TLS_CERTIFICATE_FILE and
 * TLS_KEY_FILE). Kept while the stack runs, so `curl --cacert <certificate>` works against it;
 * stack:down removes it.
 */
export const TEST_TLS_DIR = join(tmpdir(), 'musicapp-stack-tls');
export const testCertificate = {
  certificate: join(TEST_TLS_DIR, 'certificate.pem'),
  key: join(TEST_TLS_DIR, 'key.pem'),
};

function makeTestCertificate() {
  rmSync(TEST_TLS_DIR, { recursive: true, force: true });
  mkdirSync(TEST_TLS_DIR, { recursive: true, mode: 0o700 });
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '30',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      testCertificate.key,
      '-out',
      testCertificate.certificate,
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl could not make the test certificate: ${made.stderr}`);
}

/**
 * Makes this process trust the test certificate: Node reads NODE_EXTRA_CA_CERTS at start-up only, so
 * the first call makes the pair and runs this same script again with it set (and returns never); in
 * that run, and in every child it starts (stack:up, the browser journeys), it is already there.
 * With `{ existing: true }` (checks on a stack already up) it takes the pair that stack was given.
 */
export function trustTestCertificate({ existing = false } = {}) {
  if (process.env.NODE_EXTRA_CA_CERTS === testCertificate.certificate) return testCertificate;
  if (!existing)
    makeTestCertificate(); // a fresh pair for every stack this makes: never an expired one
  else if (!existsSync(testCertificate.certificate)) {
    throw new Error(`no ${testCertificate.certificate}: is a stack from \`npm run stack:up\` running?`);
  }
  const again = spawnSync(process.execPath, process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: testCertificate.certificate },
  });
  process.exit(again.status ?? 1);
}
