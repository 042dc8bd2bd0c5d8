import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SCREENSHOTS, unique, useBrowserStack } from './browser';
import { ADMIN, createAlbumWithSong } from './stack';

/** A `datetime-local` value (read as UTC by the form) `days` from now. */
const utcInput = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);

describe('admin journeys', { timeout: 180_000 }, () => {
  const { stack, newPage } = useBrowserStack();

  test('an admin creates a show and a fan reserves it; the fan never gets the admin pages', async () => {
    const title = unique('Admin Night ');
    const [adminContext, admin] = await newPage({ viewport: { width: 1280, height: 900 } });

    // Logged out, the admin area sends to the login page and back.
    await admin.goto('/admin/shows');
    await admin.waitForURL('**/login?next=%2Fadmin%2Fshows');
    await admin.getByLabel('Username').fill(ADMIN.username);
    await admin.getByLabel('Password').fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Log in' }).click();
    await admin.waitForURL('**/admin/shows');
    await admin.getByRole('heading', { name: 'Shows', level: 1 }).waitFor();

    // The shared schema's messages come back next to their fields, and what was typed stays.
    await admin.getByLabel('Title').fill(title);
    await admin.getByRole('button', { name: 'Add show' }).click();
    await admin.getByText('performer must not be empty').waitFor();
    await admin.getByText('capacity must be a number').waitFor();
    assert.equal(await admin.getByLabel('Title').inputValue(), title);

    await admin.getByLabel('Performer').fill('The Admins');
    await admin.getByLabel('Venue').fill('Control Room');
    await admin.getByLabel('Starts at (UTC)').fill(utcInput(21));
    await admin.getByLabel('Capacity').fill('40');
    await admin.getByRole('button', { name: 'Add show' }).click();
    await admin.waitForURL(/\/admin\/shows\/[^/?]+\?created=1$/);
    await admin.getByRole('status').filter({ hasText: 'Show added' }).waitFor();
    const showId = /\/admin\/shows\/([^/?]+)/.exec(admin.url())?.[1];
    assert.ok(showId, 'the new show’s id is in the address');

    await admin.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Shows' }).click();
    await admin.waitForURL('**/admin/shows');
    await admin.getByRole('link', { name: `Edit ${title}` }).waitFor();
    await admin.screenshot({ path: `${SCREENSHOTS}admin-shows.png`, fullPage: true });

    // A fan, in a browser of their own, finds the show and reserves a seat.
    const [fanContext, fan] = await newPage();
    await fan.goto('/register?next=%2Fshows');
    await fan.getByLabel('Full name').fill('Admin Journey Fan');
    await fan.getByLabel('Username').fill(unique('fan'));
    await fan.getByLabel('Password').fill('journey-password');
    await fan.getByRole('button', { name: 'Create account' }).click();
    await fan.waitForURL((url) => url.pathname === '/shows');
    await fan.getByRole('link', { name: title }).click();
    await fan.waitForURL(`**/shows/${showId}`);
    await fan.getByText('Control Room').waitFor();
    await fan.getByLabel('Seats', { exact: true }).selectOption('1');
    await fan.getByRole('button', { name: 'Reserve seats' }).click();
    const status = fan.getByRole('status').filter({ hasText: 'Your code is' });
    await status.waitFor();
    assert.match(
      (await status.textContent()) ?? '',
      /Reserved 1 seat\. Your code is [A-Z0-9]{4}-[A-Z0-9]{4}/,
    );

    // The fan is not an admin: every admin page says so and offers no form.
    for (const path of ['/admin', '/admin/shows', `/admin/shows/${showId}`]) {
      await fan.goto(path);
      await fan.getByRole('heading', { name: 'Admins only' }).waitFor();
      assert.equal(await fan.getByRole('button', { name: /Add show|Save changes|delete/i }).count(), 0, path);
    }
    await fanContext.close();

    // With a confirmed reservation the api refuses the delete, and the admin reads why.
    await admin.goto(`/admin/shows/${showId}`);
    await admin.getByText('1 of 40 seats reserved').waitFor();
    await admin.getByText('Delete this show').click();
    await admin.getByRole('button', { name: 'Yes, delete it' }).click();
    await admin
      .getByRole('alert')
      .filter({ hasText: 'cancel those reservations before deleting it' })
      .waitFor();
    await adminContext.close();
  });

  test('an admin adds an album and a song on it, edits both, fans see the change, then the song is deleted', async () => {
    const albumName = unique('Admin Album ');
    const songTitle = unique('Admin Song ');
    const renamedAlbum = unique('Renamed Album ');
    const retitledSong = unique('Retitled Song ');
    const [context, page] = await newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto('/login?next=%2Fadmin');
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/admin');
    await page.getByRole('article').getByRole('link', { name: 'Albums' }).click(); // the overview's card
    await page.waitForURL('**/admin/albums');

    await page.getByLabel('Name').fill(albumName);
    await page.getByLabel('Year').fill('2025');
    await page.getByRole('button', { name: 'Add album' }).click();
    const added = page.getByRole('status').filter({ hasText: `Album “${albumName}” added` });
    await added.waitFor();
    const albumId = /\(id ([^)]+)\)/.exec((await added.textContent()) ?? '')?.[1];
    assert.ok(albumId, 'the new album’s id is shown');
    await page.getByRole('link', { name: albumName, exact: true }).waitFor();
    assert.equal(await page.getByLabel('Name').inputValue(), '', 'the form is empty for the next album');

    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Songs' }).click();
    await page.waitForURL('**/admin/songs');
    await page.getByLabel('Title').fill(songTitle);
    await page.getByLabel('Performer').fill('The Admins');
    await page.getByLabel('Genre').fill('Synthwave');
    await page.getByLabel('Year').fill('2025');
    await page.getByLabel('Duration in seconds (optional)').fill('90.5');
    await page.getByLabel('Album id (optional)').fill(albumId);
    await page.getByRole('button', { name: 'Add song' }).click();
    await page.getByText('duration must be a whole number of seconds').waitFor();
    await page.getByLabel('Duration in seconds (optional)').fill('200');
    await page.getByRole('button', { name: 'Add song' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Song “${songTitle}” added` })
      .waitFor();

    // The album is edited on its own page, which lists its songs; a rejected edit keeps what was typed.
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Albums' }).click();
    await page.waitForURL('**/admin/albums');
    await page.getByRole('link', { name: `Edit ${albumName}` }).click();
    await page.waitForURL(`**/admin/albums/${albumId}`);
    await page.getByRole('heading', { name: `Edit ${albumName}`, level: 1 }).waitFor();
    assert.equal(await page.getByLabel('Name').inputValue(), albumName);
    assert.equal(await page.getByLabel('Year').inputValue(), '2025');
    await page.getByLabel('Name').fill(renamedAlbum);
    await page.getByLabel('Year').fill('99999');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('year must have at most 4 digits').waitFor();
    assert.equal(await page.getByLabel('Name').inputValue(), renamedAlbum);
    await page.getByLabel('Year').fill('2026');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Album updated.' }).waitFor();
    await page.getByRole('heading', { name: `Edit ${renamedAlbum}`, level: 1 }).waitFor();

    // Every field of the song changes except its album.
    await page.getByRole('link', { name: `Edit ${songTitle}` }).click();
    await page.waitForURL(/\/admin\/songs\/[^/?]+$/);
    const songId = /\/admin\/songs\/([^/?]+)/.exec(page.url())?.[1];
    assert.ok(songId, 'the song’s id is in the address');
    assert.equal(await page.getByLabel('Title').inputValue(), songTitle);
    assert.equal(await page.getByLabel('Duration in seconds (optional)').inputValue(), '200');
    assert.equal(await page.getByLabel('Album id (optional)').inputValue(), albumId);
    await page.getByLabel('Title').fill(retitledSong);
    await page.getByLabel('Performer').fill('The Editors');
    await page.getByLabel('Genre').fill('Dream Pop');
    await page.getByLabel('Year').fill('2026');
    await page.getByLabel('Duration in seconds (optional)').fill('245');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Song updated.' }).waitFor();
    await page.getByRole('heading', { name: `Edit ${retitledSong}`, level: 1 }).waitFor();

    // Fans see both changes on the public pages.
    await page.getByRole('link', { name: 'See the public page' }).click();
    await page.waitForURL(`**/songs/${songId}`);
    await page.getByRole('heading', { name: retitledSong, level: 1 }).waitFor();
    const facts = page.getByRole('region', { name: 'About the song' });
    for (const fact of ['The Editors', 'Dream Pop', '2026', '4:05']) {
      await facts.getByText(fact, { exact: true }).waitFor();
    }
    await facts.getByRole('link', { name: renamedAlbum }).click();
    await page.waitForURL(`**/albums/${albumId}`);
    await page.getByRole('heading', { name: renamedAlbum, level: 1 }).waitFor();
    await page.getByText('Album · 2026 · 1 song').waitFor();
    await page.getByRole('link', { name: retitledSong }).waitFor();
    assert.equal(await page.getByText(albumName).count(), 0, 'the old album name is gone');
    assert.equal(await page.getByText(songTitle).count(), 0, 'the old song title is gone');

    await page.goto('/admin/songs');
    const row = page.getByRole('listitem').filter({ hasText: retitledSong });
    await row.getByText('Delete', { exact: true }).click();
    await row.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.waitForURL('**/admin/songs?deleted=1');
    await page.getByRole('status').filter({ hasText: 'The song is deleted.' }).waitFor();
    assert.equal(await page.getByRole('link', { name: retitledSong, exact: true }).count(), 0);
    await context.close();
  });

  test('with JavaScript disabled an admin edits a song, off its album, and sees field errors', async () => {
    const albumName = unique('Script-free Album ');
    const songTitle = unique('Script-free Song ');
    const { albumId, songId } = await createAlbumWithSong(stack().api, {
      albumName,
      songTitle,
      performer: 'The Loopbacks',
      genre: 'Synthwave',
    });
    const [context, page] = await newPage({ javaScriptEnabled: false });
    await page.goto(`/login?next=${encodeURIComponent(`/admin/songs/${songId}`)}`);
    await page.getByLabel('Username').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`**/admin/songs/${songId}`);

    await page.getByLabel('Genre').fill('');
    await page.getByLabel('Album id (optional)').fill('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('genre must not be empty').waitFor();
    assert.equal(await page.getByLabel('Album id (optional)').inputValue(), '', 'what was typed stays');

    await page.getByLabel('Genre').fill('Lo-fi');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Song updated.' }).waitFor();

    await context.close();

    // A fan's browser shows the song as a single and its old album as empty.
    const [fanContext, fan] = await newPage();
    await fan.goto(`/songs/${songId}`);
    await fan.getByText('Lo-fi', { exact: true }).waitFor();
    await fan.getByText('Single — not on an album').waitFor();
    await fan.goto(`/albums/${albumId}`);
    await fan.getByText('This album has no songs yet.').waitFor();
    await fanContext.close();
  });
});
