import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, unique, useBrowserStack } from './browser';
import { createAlbumWithSong, createShow, createSong, LOGIN_LIMIT_WAIT_MS } from './stack';

describe('browser journeys', { timeout: 180_000 }, () => {
  const { stack, newPage } = useBrowserStack();

  /**
   * Waits until the page is at `arrived`, or shows the login limit's refusal (then false): through the
   * stack, a run can meet that limit where no person's browser would (LOGIN_LIMIT_WAIT_MS).
   */
  async function arrivedOrLimited(page: Page, arrived: (url: URL) => boolean): Promise<boolean> {
    const reached = page.waitForURL(arrived).then(() => true);
    const limited = page
      .getByRole('alert')
      .filter({ hasText: 'Too many attempts from this client' })
      .waitFor()
      .then(
        () => false,
        () => new Promise<boolean>(() => {}), // gone with the page: `reached` decides
      );
    const outcome = await Promise.race([reached, limited]);
    if (!outcome) reached.catch(() => {}); // left waiting when the limit answered first
    return outcome;
  }

  /** Submits the login form on this page; refused by the limit, waits for it and logs in again. */
  async function logInHere(page: Page, username: string, next: string) {
    for (let attempt = 1; ; attempt += 1) {
      await page.getByLabel('Username').fill(username);
      await page.getByLabel('Password').fill('journey-password');
      await page.getByRole('button', { name: 'Log in' }).click();
      if (await arrivedOrLimited(page, (url) => url.pathname === next)) return;
      assert.ok(attempt < 12, 'the login limit still refuses after a minute');
      await page.waitForTimeout(LOGIN_LIMIT_WAIT_MS); // as the message asks a person to
      await page.goto(`/login?next=${encodeURIComponent(next)}`);
    }
  }

  async function register(page: Page, username: string, next = '/') {
    await page.goto(`/register?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Full name').fill('Journey Fan');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill('journey-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((url) => url.pathname === next || url.searchParams.has('reason'));
    if (new URL(page.url()).pathname === next) return;
    // The account is made and only the login after it was refused: the login page says so.
    await page.getByText('Your account is ready, but logging you in failed just now.').waitFor();
    await logInHere(page, username, next);
  }

  async function logIn(page: Page, username: string, next = '/') {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await logInHere(page, username, next);
  }

  /** From "My playlists": a new playlist, then every title found by searching `term` in its picker. */
  async function createPlaylistWithSongs(page: Page, name: string, term: string, titles: string[]) {
    await page.getByRole('link', { name: 'My playlists', exact: true }).click();
    await page.waitForURL('**/playlists');
    await page.getByLabel('Playlist name').fill(name);
    await page.getByRole('button', { name: 'Create playlist' }).click();
    await page.waitForURL(/\/playlists\/playlist-/);
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByLabel('Song title').fill(term);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === term);
    for (const title of titles) {
      await page.getByRole('button', { name: `Add “${title}”` }).click();
      await page.getByRole('status').filter({ hasText: 'Added ✓' }).first().waitFor();
    }
    const songs = page.getByRole('region', { name: 'Songs' });
    for (const title of titles) await songs.getByRole('link', { name: title }).waitFor();
    return songs;
  }

  test('register → log in → search a song → playlist of two songs → reserve 2 seats → see the code → cancel → log out; no token reaches page JavaScript', async () => {
    const showTitle = unique('Journey Night ');
    const showId = await createShow(stack().api, { title: showTitle, capacity: 50 });
    const word = unique('Harbour');
    const titles = [`${word} Lights`, `${word} Lullaby`];
    for (const title of titles) await createSong(stack().api, title);
    const [context, page] = await newPage();
    const username = unique('fan');
    await register(page, username);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login?reason=logged-out');
    await logIn(page, username);
    await page.screenshot({ path: `${SCREENSHOTS}home.png`, fullPage: true });

    await page.getByRole('link', { name: 'Songs', exact: true }).click();
    await page.waitForURL('**/songs');
    await page.getByLabel('Title').fill(word.toLowerCase());
    await page.getByRole('button', { name: 'Search' }).click();
    for (const title of titles) await page.getByRole('link', { name: title }).waitFor();
    await createPlaylistWithSongs(page, unique('Journey mix '), word.toLowerCase(), titles);

    await page.getByRole('link', { name: 'Shows', exact: true }).click();
    await page.waitForURL('**/shows');
    await page.screenshot({ path: `${SCREENSHOTS}shows.png`, fullPage: true });
    await page.getByRole('link', { name: showTitle }).click();
    await page.waitForURL(`**/shows/${showId}`);
    await page.getByLabel('Seats', { exact: true }).selectOption('2');
    await page.getByRole('button', { name: 'Reserve seats' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Your code is' });
    await status.waitFor();
    const code = /code is ([A-Z0-9]{4}-[A-Z0-9]{4})/.exec((await status.textContent()) ?? '')?.[1];
    assert.ok(code, 'a reservation code is shown');
    await page.screenshot({ path: `${SCREENSHOTS}show-reserved.png`, fullPage: true });

    await page.getByRole('link', { name: 'My reservations' }).click();
    await page.waitForURL('**/reservations');
    await page.getByText(code, { exact: true }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}reservations.png`, fullPage: true });
    await page.getByText('Cancel this reservation').click();
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByText('Cancelled', { exact: true }).waitFor(); // the list is re-rendered with the new status

    const storage = await page.evaluate(() => ({
      local: JSON.stringify(localStorage),
      session: JSON.stringify(sessionStorage),
      cookies: document.cookie,
    }));
    assert.ok(
      !/eyJ/.test(storage.local + storage.session + storage.cookies),
      `no token visible to scripts: ${JSON.stringify(storage)}`,
    );
    for (const cookie of await context.cookies()) {
      if (cookie.name.startsWith('musicapp_')) {
        assert.equal(cookie.httpOnly, true, `${cookie.name} is httpOnly`);
        assert.equal(cookie.sameSite, 'Lax');
        // Secure exactly when the site is served over https (the stack's nginx-frontend).
        assert.equal(cookie.secure, stack().web.startsWith('https:'), `${cookie.name} Secure`);
      }
    }

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login?reason=logged-out');
    await page.goto('/reservations');
    await page.waitForURL('**/login?next=%2Freservations');
    await context.close();
  });

  test('a protected page while logged out goes to login and comes back after it', async () => {
    const [context, page] = await newPage();
    const username = unique('returner');
    await register(page, username);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login?reason=logged-out');
    await page.goto('/reservations');
    await page.waitForURL('**/login?next=%2Freservations');
    await page.screenshot({ path: `${SCREENSHOTS}login.png`, fullPage: true });
    await logInHere(page, username, '/reservations');
    await page.getByRole('heading', { name: 'My reservations' }).waitFor();
    await context.close();
  });

  test('a login or registration link that points off-site lands on the home page, with JavaScript on and off', async () => {
    const username = unique('phished');
    const home = new URL(stack().web);
    // A browser reads `/\evil.example` as //evil.example, and drops the tab of `/<tab>/evil.example`.
    const settled = (page: Page) =>
      page.waitForURL((url) => url.host !== home.host || url.pathname === '/', { waitUntil: 'commit' });
    const [withScript, page] = await newPage();
    await page.goto(`/register?next=${encodeURIComponent('/\\evil.example/phish')}`);
    await page.getByLabel('Full name').fill('Phished Fan');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill('journey-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await settled(page);
    assert.equal(new URL(page.url()).host, home.host, page.url());
    await withScript.close();

    const [withoutScript, plain] = await newPage({ javaScriptEnabled: false });
    await plain.goto(`/login?next=${encodeURIComponent('/\t/evil.example')}`);
    await plain.getByLabel('Username').fill(username);
    await plain.getByLabel('Password').fill('journey-password');
    await plain.getByRole('button', { name: 'Log in' }).click();
    await settled(plain);
    assert.equal(new URL(plain.url()).host, home.host, plain.url());
    assert.equal(new URL(plain.url()).pathname, '/');
    await withoutScript.close();
  });

  test('every page has a Content-Security-Policy with a nonce of its own, and nothing on the pages breaks it', async () => {
    const [context, page] = await newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    const nonces = new Set<string>();
    for (const path of ['/', '/shows', '/songs', '/login']) {
      const response = await page.goto(path);
      const csp = response?.headers()['content-security-policy'] ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
      assert.ok(nonce, `${path}: ${csp || 'no Content-Security-Policy'}`);
      assert.match(csp, /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      assert.match(csp, /frame-ancestors 'none'/);
      nonces.add(nonce);
      const tags = ((await response?.text()) ?? '').match(/<script\b[^>]*>/g) ?? [];
      assert.ok(tags.length > 0, `${path}: no scripts`);
      for (const tag of tags) assert.ok(tag.includes(`nonce="${nonce}"`), `${path}: ${tag}`);
    }
    assert.equal(nonces.size, 4, 'each page its own nonce');
    // The browser refused nothing; the journeys here run their JavaScript under the same policy.
    assert.deepEqual(violations, []);
    await context.close();
  });

  test('asking for more seats than are left shows the api’s message; asking again for fewer books them', async () => {
    const showId = await createShow(stack().api, { title: unique('Last Seats '), capacity: 3 });
    const [context, page] = await newPage();
    await register(page, unique('late'), `/shows/${showId}`);
    await page.getByLabel('Seats', { exact: true }).selectOption('4');
    await page.getByRole('button', { name: 'Reserve seats' }).click();
    await page.getByRole('alert').filter({ hasText: 'Only 3 seats left for this show' }).waitFor();
    // The refusal booked nothing: asking again for what is left is a new request, and books.
    await page.getByLabel('Seats', { exact: true }).selectOption('1');
    await page.getByRole('button', { name: 'Reserve seats' }).click();
    await page.getByText(/Reserved 1 seat\. Your code is/).waitFor();
    await context.close();
  });

  test('a session the api no longer accepts: reserving and cancelling both go to login and come back', async () => {
    const showId = await createShow(stack().api, { title: unique('Stale Session '), capacity: 10 });
    const [context, page] = await newPage();
    const username = unique('stale');
    await register(page, username, `/shows/${showId}`);
    await page.getByLabel('Seats', { exact: true }).selectOption('1');
    await page.getByRole('button', { name: 'Reserve seats' }).click();
    await page.getByText(/Reserved 1 seat\. Your code is/).waitFor();

    // The same claims with a signature the api refuses: the web still takes it for a live session
    // (it never verifies tokens), so only the api's 401 can tell the action.
    const staleSession = async () => {
      const access = (await context.cookies()).find((cookie) => cookie.name === 'musicapp_access');
      assert.ok(access, 'an access cookie');
      const [header, payload] = access.value.split('.');
      await context.addCookies([{ ...access, value: `${header}.${payload}.not-the-signature` }]);
    };

    await staleSession();
    await page.getByRole('button', { name: 'Reserve seats' }).click();
    await page.waitForURL(`**/login?next=${encodeURIComponent(`/shows/${showId}`)}&reason=expired`);
    await logInHere(page, username, `/shows/${showId}`);

    await page.goto('/reservations');
    await staleSession();
    await page.getByText('Cancel this reservation').click();
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.waitForURL('**/login?next=%2Freservations&reason=expired');
    await page.getByText('Your session has ended. Please log in again.').waitFor();
    await logInHere(page, username, '/reservations');
    await page.getByText('Confirmed', { exact: true }).waitFor(); // nothing was cancelled meanwhile
    await context.close();
  });

  test('the reserve form works with JavaScript disabled', async () => {
    const showId = await createShow(stack().api, { title: unique('No Script '), capacity: 10 });
    const [context, page] = await newPage({ javaScriptEnabled: false });
    await register(page, unique('nojs'), `/shows/${showId}`);
    await page.getByLabel('Seats', { exact: true }).selectOption('3');
    await page.getByRole('button', { name: 'Reserve seats' }).click();
    await page.getByText(/Reserved 3 seats\. Your code is/).waitFor();
    await context.close();
  });

  test('without JavaScript: search songs, create a playlist, add a song and a collaborator', async () => {
    const word = unique('Quiet');
    await createSong(stack().api, `${word} Morning`);
    const friendName = unique('nojsfriend');
    const [friendContext, friend] = await newPage({ javaScriptEnabled: false });
    await register(friend, friendName);
    await friendContext.close();

    const [context, page] = await newPage({ javaScriptEnabled: false });
    await register(page, unique('nojslistener'));
    await page.goto(`/songs?title=${encodeURIComponent(word.toLowerCase())}`);
    await page.getByRole('link', { name: `${word} Morning` }).waitFor();

    await page.goto('/playlists');
    await page.getByLabel('Playlist name').fill(`${word} mix`);
    await page.getByRole('button', { name: 'Create playlist' }).click();
    await page.waitForURL(/\/playlists\/playlist-/);
    await page.getByLabel('Song title').fill(word.toLowerCase());
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: `Add “${word} Morning”` }).click();
    await page
      .getByRole('region', { name: 'Songs' })
      .getByRole('link', { name: `${word} Morning` })
      .waitFor();
    const collaborators = page.getByRole('region', { name: 'Collaborators' });
    await collaborators.getByLabel('Their username').fill(friendName);
    await collaborators.getByRole('button', { name: 'Add collaborator' }).click();
    await page.getByText(`can now add and remove songs here`).waitFor();
    await context.close();
  });

  test('show dates read in the reader’s language and time zone; in UTC, labelled, without JavaScript', async () => {
    const showId = await createShow(stack().api, { title: unique('Paris Night '), capacity: 10 });
    const [context, page] = await newPage({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    await page.goto(`/shows/${showId}`);
    // The browser tells the server its zone once (a plain `tz` cookie), then the page re-renders.
    await page.waitForFunction(() => {
      const text = document.querySelector('main time')?.textContent ?? '';
      return document.cookie.includes('tz=Europe%2FParis') && text !== '' && !text.includes('UTC');
    });
    const local = (await page.locator('main time').first().textContent()) ?? '';
    assert.match(local, /(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d+ \p{L}+ \d{4}/u);
    await context.close();

    const [noScript, plain] = await newPage({ javaScriptEnabled: false, locale: 'de-DE' });
    await plain.goto(`/shows/${showId}`);
    const utc = (await plain.locator('main time').first().textContent()) ?? '';
    assert.match(
      utc,
      /(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), \d+\. \p{L}+ \d{4}.* UTC$/u,
    );
    await noScript.close();
  });

  test('search a song by title and open it, and its album', async () => {
    const word = unique('Moonlit');
    const songTitle = `${word} Serenade`;
    const albumName = unique('Night Drive ');
    const { albumId, songId } = await createAlbumWithSong(stack().api, {
      albumName,
      songTitle,
      performer: 'The Loopbacks',
      genre: 'Synthwave',
    });
    const [context, page] = await newPage();
    await page.goto('/songs');
    await page.getByLabel('Title').fill(word.toUpperCase()); // part of the title, in another case
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.searchParams.get('title') === word.toUpperCase());
    const result = page.getByRole('link', { name: songTitle });
    await result.waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}songs.png`, fullPage: true });
    await result.click();
    await page.waitForURL(`**/songs/${songId}`);
    await page.getByRole('heading', { name: songTitle }).waitFor();
    await page.getByText('The Loopbacks').first().waitFor();
    await page.getByText('Synthwave', { exact: true }).waitFor();
    await page.getByText('3:07', { exact: true }).waitFor();
    await page.getByRole('link', { name: albumName }).click();
    await page.waitForURL(`**/albums/${albumId}`);
    await page.getByRole('heading', { name: albumName }).waitFor();
    await page.getByRole('link', { name: songTitle }).waitFor();
    assert.equal(await page.title(), `${albumName} (2024) · Musicapp`);
    await context.close();
  });

  test('a 360 px wide phone has no horizontal scroll on the main pages', async () => {
    const [context, page] = await newPage({ viewport: { width: 360, height: 740 } });
    for (const path of ['/', '/shows', '/albums', '/songs', '/login', '/register']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor(); // the page itself, not its loading state
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
    }
    await page.goto('/shows');
    await page.screenshot({ path: `${SCREENSHOTS}shows-phone.png`, fullPage: true });
    await context.close();
  });

  test('create a playlist → add two songs → see them and the log → remove one → add a friend by username', async () => {
    const word = unique('Tidal');
    const [first, second] = [`${word} Overture`, `${word} Reprise`];
    await createSong(stack().api, first);
    await createSong(stack().api, second);
    const playlistName = unique('Road Trip ');
    const [context, page] = await newPage({ viewport: { width: 1280, height: 900 } });
    await register(page, unique('listener'));
    await page.getByRole('link', { name: 'My playlists', exact: true }).click();
    await page.getByText('Share a playlist').waitFor();
    await page.getByText('No playlists yet').waitFor();
    const songs = await createPlaylistWithSongs(page, playlistName, word.toLowerCase(), [first, second]);
    const log = page.getByRole('region', { name: 'Activity' });
    await log
      .getByText(/added “/)
      .nth(1)
      .waitFor();
    assert.equal(await log.getByText(/added “/).count(), 2);

    await page.getByRole('button', { name: `Remove “${first}”` }).click();
    await songs.getByRole('link', { name: first }).waitFor({ state: 'detached' });
    await songs.getByRole('link', { name: second }).waitFor();
    await log.getByText(/removed “/).waitFor();
    await page.goto(page.url().split('?')[0] ?? '/playlists'); // the page as a visitor lands on it
    await page.getByRole('heading', { name: playlistName, level: 1 }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}playlist.png`, fullPage: true });

    // A friend registers in a browser of their own; the owner adds them by username, after a typo.
    const friendName = unique('friend');
    const [friendContext, friend] = await newPage();
    await register(friend, friendName, '/playlists');
    const collaborators = page.getByRole('region', { name: 'Collaborators' });
    const typo = unique('nobody');
    await collaborators.getByLabel('Their username').fill(typo);
    await collaborators.getByRole('button', { name: 'Add collaborator' }).click();
    await collaborators.getByText(`No user named ${typo}`).waitFor();
    assert.equal(await collaborators.getByLabel('Their username').inputValue(), typo, 'what was typed stays');
    await collaborators.getByLabel('Their username').fill(friendName);
    await collaborators.getByRole('button', { name: 'Add collaborator' }).click();
    await collaborators
      .getByRole('status')
      .filter({ hasText: `Journey Fan (${friendName}) can now add and remove songs here.` })
      .waitFor();

    // The friend finds the playlist among theirs and opens it.
    await friend.reload();
    await friend.getByRole('link', { name: playlistName }).click();
    await friend.waitForURL(/\/playlists\/playlist-/);
    await friend.getByRole('heading', { name: playlistName, level: 1 }).waitFor();
    await friend.getByRole('region', { name: 'Songs' }).getByRole('link', { name: second }).waitFor();
    await friendContext.close();
    await collaborators.getByLabel('Their username').fill(friendName);
    await collaborators.getByRole('button', { name: 'Remove collaborator' }).click();
    await collaborators
      .getByRole('status')
      .filter({ hasText: `Journey Fan (${friendName}) is no longer a collaborator.` })
      .waitFor();

    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the playlist page scrolls sideways by ${overflow}px`);

    await page.goto('/playlists');
    await page.getByRole('link', { name: playlistName }).waitFor();
    await context.close();
  });

  test('a developer opens the api’s /docs: every operation of /openapi.json is listed, nothing breaks its CSP', async () => {
    const [context, page] = await newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const response = await page.goto(`${stack().api}/docs`);
    assert.equal(response?.status(), 200);
    const document = (await page.evaluate(() => fetch('/openapi.json').then((r) => r.json()))) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const reservations = page.locator('.opblock-post:has([data-path="/reservations"])');
    await reservations.waitFor();
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const method of Object.keys(methods)) {
        const listed = page.locator(`.opblock-${method}:has([data-path="${path}"])`);
        assert.equal(await listed.count(), 1, `${method.toUpperCase()} ${path} on the page`);
      }
    }
    await page.screenshot({ path: `${SCREENSHOTS}api-docs.png`, fullPage: true });
    // One operation opened, as a reader would: who may call it and what it takes.
    await reservations.locator('.opblock-summary-control').click();
    await reservations.getByText('Any signed-in user').waitFor();
    await reservations.getByText('Request body').first().waitFor();
    await reservations.getByText('Idempotency-Key').first().waitFor();
    const origin = new URL(stack().api).origin;
    const elsewhere = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
    assert.deepEqual(elsewhere, [], 'everything comes from the api itself');
    assert.deepEqual(violations, []);
    await context.close();
  });
});
