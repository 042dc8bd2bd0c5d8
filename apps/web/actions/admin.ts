'use server';

import { albumPayload, createAlbumResponse } from '@musicapp/types/albums';
import { createShowResponse, showPayload } from '@musicapp/types/shows';
import { createSongResponse, songPayload } from '@musicapp/types/songs';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { type CatalogueKind, createAction, deleteAction, updateAction } from '@/lib/catalogue-actions';
import { idOrNull, numberOrMissing, toUtcIso } from '@/lib/form-values';

/**
 * Catalogue and show writes for admins: what shows, albums and songs are to the admin forms and the
 * api, and the nine actions built from them by lib/catalogue-actions.ts, which checks the session and
 * the admin role in each.
 */

const shows: CatalogueKind<z.output<typeof showPayload>> = {
  collection: 'shows',
  idField: 'showId',
  fields: ['title', 'performer', 'venue', 'startsAt', 'capacity', 'albumId'],
  parse: (values) =>
    showPayload.safeParse({
      title: values.title,
      performer: values.performer,
      venue: values.venue,
      startsAt: toUtcIso(values.startsAt),
      capacity: numberOrMissing(values.capacity),
      albumId: idOrNull(values.albumId),
    }),
  revalidate(id) {
    revalidatePath('/admin/shows');
    revalidatePath('/shows');
    revalidatePath('/');
    if (id) {
      revalidatePath(`/admin/shows/${id}`);
      revalidatePath(`/shows/${id}`);
    }
  },
};

const albums: CatalogueKind<z.output<typeof albumPayload>> = {
  collection: 'albums',
  idField: 'albumId',
  fields: ['name', 'year'],
  parse: (values) => albumPayload.safeParse({ name: values.name, year: numberOrMissing(values.year) }),
  /** An album's name and year show on its page, the album lists and the pages of its songs. */
  revalidate(id) {
    revalidatePath('/admin/albums');
    revalidatePath('/albums');
    if (id) {
      revalidatePath(`/admin/albums/${id}`);
      revalidatePath(`/albums/${id}`);
      revalidatePath('/songs/[id]', 'page');
    }
  },
};

const songs: CatalogueKind<z.output<typeof songPayload>> = {
  collection: 'songs',
  idField: 'songId',
  fields: ['title', 'year', 'genre', 'performer', 'duration', 'albumId'],
  parse: (values) =>
    songPayload.safeParse({
      title: values.title,
      year: numberOrMissing(values.year),
      genre: values.genre,
      performer: values.performer,
      duration: (values.duration ?? '').trim() === '' ? null : Number(values.duration),
      albumId: idOrNull(values.albumId),
    }),
  /**
   * A song shows on its page, the song lists and its album's page. An edit may move it from one album
   * to another, and the old album is not known here, so every album page is revalidated then.
   */
  revalidate(id, song) {
    revalidatePath('/admin/songs');
    revalidatePath('/songs');
    if (id) {
      revalidatePath(`/admin/songs/${id}`);
      revalidatePath(`/songs/${id}`);
      revalidatePath('/albums/[id]', 'page');
    } else if (song?.albumId) {
      revalidatePath(`/albums/${song.albumId}`);
    }
  },
};

export const createShow = createAction(shows, createShowResponse.shape.data, ({ showId }) =>
  redirect(`/admin/shows/${encodeURIComponent(showId)}?created=1`),
);
export const updateShow = updateAction(shows, 'Show updated.');
export const deleteShow = deleteAction(shows);

export const createAlbum = createAction(albums, createAlbumResponse.shape.data, ({ albumId }, album) => ({
  success: `Album “${album.name}” added (id ${albumId}).`,
}));
export const updateAlbum = updateAction(albums, 'Album updated.');
export const deleteAlbum = deleteAction(albums);

export const createSong = createAction(songs, createSongResponse.shape.data, ({ songId }, song) => ({
  success: `Song “${song.title}” added (id ${songId}).`,
}));
export const updateSong = updateAction(songs, 'Song updated.');
export const deleteSong = deleteAction(songs);
