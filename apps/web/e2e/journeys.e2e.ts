import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, unique, useBrowserStack } from './browser';
import { createAlbumWithSong, createShow, createSong } from './stack';

describe('browser journeys', { timeout: 180_000 }, () => {
  const { stack, newPage } = useBrowserStack();

  async function register(page: Page, username: string, next = '/') {
    await page.goto(`/register?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Full name').fill('Journey Fan');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill('journey-password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((url) => url.pathname === next);
  }

  test('register → reserve 2 seats → see the code → cancel → log out; no token reaches page JavaScript', async () => {
    const showTitle = unique('Journey Night ');
    const showId = await createShow(stack().api, { title: showTitle, capacity: 50 });
    const [context, page] = await newPage();
    await register(page, unique('fan'));
    await page.screenshot({ path: `${SCREENSHOTS}home.png`, fullPage: true });
    await page.goto('/shows');
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
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill('journey-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/reservations');
    await page.getByRole('heading', { name: 'My reservations' }).waitFor();
    await context.close();
  });

  test('asking for more seats than are left shows the api’s message in an alert', async () => {
    const showId = await createShow(stack().api, { title: unique('Last Seat '), capacity: 1 });
    const [context, page] = await newPage();
    await register(page, unique('late'), `/shows/${showId}`);
    await page.getByLabel('Seats', { exact: true }).selectOption('2');
    await page.getByRole('button', { name: 'Reserve seats' }).click();
    await page.getByRole('alert').filter({ hasText: 'Only 1 seat left for this show' }).waitFor();
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

  test('create a playlist → search and add two songs → see them and the log → remove one', async () => {
    const word = unique('Tidal');
    const [first, second] = [`${word} Overture`, `${word} Reprise`];
    await createSong(stack().api, first);
    await createSong(stack().api, second);
    const playlistName = unique('Road Trip ');
    const [context, page] = await newPage({ viewport: { width: 1280, height: 900 } });
    await register(page, unique('listener'));
    await page.getByRole('link', { name: 'My playlists', exact: true }).click();
    await page.waitForURL('**/playlists');
    await page.getByText('Your user id:').waitFor();
    await page.getByText('No playlists yet').waitFor();
    await page.getByLabel('Playlist name').fill(playlistName);
    await page.getByRole('button', { name: 'Create playlist' }).click();
    await page.waitForURL(/\/playlists\/playlist-/);
    await page.getByRole('heading', { name: playlistName, level: 1 }).waitFor();

    await page.getByLabel('Song title').fill(word.toLowerCase());
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === word.toLowerCase());
    for (const title of [first, second]) {
      await page.getByRole('button', { name: `Add “${title}”` }).click();
      await page.getByRole('status').filter({ hasText: 'Added ✓' }).first().waitFor();
    }
    const songs = page.getByRole('region', { name: 'Songs' });
    await songs.getByRole('link', { name: first }).waitFor();
    await songs.getByRole('link', { name: second }).waitFor();
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

    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the playlist page scrolls sideways by ${overflow}px`);

    await page.goto('/playlists');
    await page.getByRole('link', { name: playlistName }).waitFor();
    await context.close();
  });
});
