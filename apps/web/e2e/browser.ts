import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { repoRoot } from '@musicapp/test-kit';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type Stack, startStack } from './stack';

/**
 * Where the screenshots of the main pages go. Every run takes them (taking one renders the page whole),
 * but only UPDATE_SCREENSHOTS=1 writes the tracked docs/screenshots/ that the README shows: otherwise
 * they land in a scratch folder, so a test run leaves the tree as it found it. E2E_SCREENSHOTS_DIR,
 * when set, names the folder instead (stack:test's).
 */
function screenshotsDir(): string {
  if (process.env.E2E_SCREENSHOTS_DIR) return process.env.E2E_SCREENSHOTS_DIR;
  if (/^(1|true|yes)$/i.test(process.env.UPDATE_SCREENSHOTS ?? '')) return join(repoRoot, 'docs/screenshots');
  return join(tmpdir(), 'musicapp-e2e-screenshots');
}

export const SCREENSHOTS = `${screenshotsDir().replace(/\/$/, '')}/`;

export const unique = (prefix: string) => `${prefix}${randomBytes(4).toString('hex')}`;

/**
 * A stack served with a self-signed certificate (stack:test's): Chromium trusts exactly that key, by
 * the hash of its public key, and still checks every other certificate.
 */
function trustedCertificateArgs(): string[] {
  const file = process.env.E2E_TRUSTED_CERTIFICATE;
  if (!file) return [];
  const spki = new X509Certificate(readFileSync(file)).publicKey.export({ type: 'spki', format: 'der' });
  return [`--ignore-certificate-errors-spki-list=${createHash('sha256').update(spki).digest('base64')}`];
}

/**
 * Registers before/after hooks in the enclosing describe: a fresh stack (database, api, web) and Debian's
 * Chromium, closed and removed afterwards. `newPage` opens a page in a new context on the web app.
 */
export function useBrowserStack() {
  let stack: Stack;
  let browser: Browser;

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    stack = await startStack();
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        ...trustedCertificateArgs(),
      ],
    });
  });
  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  return {
    stack: () => stack,
    async newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<[BrowserContext, Page]> {
      const context = await browser.newContext({ baseURL: stack.web, ...options });
      return [context, await context.newPage()];
    },
  };
}
