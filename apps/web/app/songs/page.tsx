import type { Metadata } from 'next';
import Link from 'next/link';
import { searchSongs } from '@/lib/dal';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { PageHeader } from '@/ui/layout/page-header';
import { SongList } from '@/ui/songs/song-list';
import { describeSongQuery, type SongQuery, SongSearch } from '@/ui/songs/song-search';
import styles from '@/ui/songs/songs.module.css';

type Props = { searchParams: SearchParams };

async function readQuery(searchParams: SearchParams): Promise<SongQuery & { cursor: string | undefined }> {
  const params = await searchParams;
  return {
    title: firstParam(params.title)?.trim() ?? '',
    performer: firstParam(params.performer)?.trim() ?? '',
    cursor: firstParam(params.cursor) || undefined,
  };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = await readQuery(searchParams);
  const terms = [query.title, query.performer].filter(Boolean).join(', ');
  return { title: terms ? `Songs matching ${terms}` : 'Songs' };
}

export default async function SongsPage({ searchParams }: Props) {
  const query = await readQuery(searchParams);
  const result = await searchSongs(query);
  // A 400 is about what was typed (too long, a stale cursor): say so next to the form.
  if (!result.ok && result.status !== 400) throw new Error(result.message);
  const searching = Boolean(query.title || query.performer);
  const more = new URLSearchParams();
  if (query.title) more.set('title', query.title);
  if (query.performer) more.set('performer', query.performer);
  if (result.ok && result.data.nextCursor) more.set('cursor', result.data.nextCursor);

  return (
    <>
      <PageHeader title="Songs">Search by title, performer or both — part of a word is enough.</PageHeader>
      <SongSearch query={query} error={result.ok ? undefined : result.message} />
      {result.ok ? (
        <section aria-labelledby="results-title">
          <div className={styles.resultsHeader}>
            <h2 id="results-title">{searching ? 'Results' : 'All songs'}</h2>
          </div>
          <SongList
            songs={result.data.songs}
            empty={
              searching ? (
                <>
                  No songs match {describeSongQuery(query)}. Try a shorter part of the word, or{' '}
                  <Link href="/songs">browse all songs</Link>.
                </>
              ) : (
                'No songs in the catalogue yet — check back soon.'
              )
            }
          />
          {result.data.nextCursor ? (
            <p className={styles.more}>
              <Link className="button button-secondary" href={`/songs?${more}`}>
                More results
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
