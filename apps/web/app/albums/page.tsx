import type { Metadata } from 'next';
import Link from 'next/link';
import { getAlbums } from '@/lib/dal';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { AlbumList } from '@/ui/albums/album-list';
import styles from '@/ui/albums/albums.module.css';
import { PageHeader } from '@/ui/layout/page-header';

export const metadata: Metadata = { title: 'Albums' };

export default async function AlbumsPage({ searchParams }: { searchParams: SearchParams }) {
  const cursor = firstParam((await searchParams).cursor);
  const result = await getAlbums(cursor);
  if (!result.ok) throw new Error(result.message);
  return (
    <>
      <PageHeader title="Albums">Browse the catalogue album by album, with every track listed.</PageHeader>
      <AlbumList albums={result.data.albums} />
      {result.data.nextCursor ? (
        <p className={styles.more}>
          <Link
            className="button button-secondary"
            href={`/albums?cursor=${encodeURIComponent(result.data.nextCursor)}`}
          >
            More albums
          </Link>
        </p>
      ) : null}
    </>
  );
}
