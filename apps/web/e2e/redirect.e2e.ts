import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { REDIRECT_SEED, sampleNexts } from '@/test/redirect-attacks';
import { unique, useBrowserStack } from './browser';

/** Generated `next` values per run, each logged in with through the real form, with and without JavaScript. */
const INPUTS = Number(process.env.REDIRECT_INPUTS ?? 500);

// The open redirect as a class: whatever `next` the login page is given, following the login form
// (the no-JS 303 and its Location, or the client navigation that JavaScript makes) never leaves the
// site. The values are generated (test/redirect-attacks.ts) and seeded, so a failure replays exactly.
describe(`login redirects with ${INPUTS} generated next values (seed ${REDIRECT_SEED})`, {
  timeout: 900_000,
}, () => {
  const { stack, newPage } = useBrowserStack();

  async function register(username: string) {
    const res = await fetch(`${stack().api}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'journey-password', fullname: 'Redirect Fan' }),
    });
    assert.equal(res.status, 201, await res.text());
  }

  /** Every request the context makes that is not to the site: an off-site navigation shows here first. */
  function offSiteRequests(context: BrowserContext, site: string): string[] {
    const seen: string[] = [];
    context.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(`${site}/`) && !url.startsWith('data:')) seen.push(url);
    });
    return seen;
  }

  /** Pages per mode, each logging in with its share of the inputs. */
  const PAGES = 3;

  for (const javaScriptEnabled of [true, false]) {
    test(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}: every login lands on the site`, async () => {
      const site = new URL(stack().web).origin;
      const username = unique('redirect');
      await register(username);
      const [context] = await newPage({ javaScriptEnabled });
      const offSite = offSiteRequests(context, site);
      const escaped: string[] = [];
      const inputs = sampleNexts(INPUTS).entries();
      const tryAll = async () => {
        const page = await context.newPage();
        for (const [, next] of inputs) {
          const login = `${site}/login?next=${encodeURIComponent(next)}`;
          await page.goto(login);
          await page.getByLabel('Username').fill(username);
          await page.getByLabel('Password').fill('journey-password');
          // Where the login sends the browser is known once the navigation commits; its page need not load.
          const left = page.waitForURL((url) => url.href !== login, { waitUntil: 'commit', timeout: 15_000 });
          await page.getByRole('button', { name: 'Log in' }).click();
          await left.catch(() => escaped.push(`${JSON.stringify(next)}: still on the login page`));
          if (new URL(page.url()).origin !== site) escaped.push(`${JSON.stringify(next)} → ${page.url()}`);
        }
      };
      await Promise.all(Array.from({ length: PAGES }, tryAll));
      await context.close();
      escaped.push(...offSite.map((request) => `requested ${request}`));
      assert.deepEqual(escaped, [], `${escaped.length} of ${INPUTS} logins left the site or stalled`);
    });
  }
});
