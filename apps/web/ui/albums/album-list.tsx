import type { AlbumSummary } from '@musicapp/types/albums';
import Link from 'next/link';
import styles from './albums.module.css';

export function AlbumCard({ album }: { album: AlbumSummary }) {
  return (
    <article className={styles.card}>
      <span className={styles.cover} aria-hidden="true">
        {album.name.trim().charAt(0).toUpperCase() || '♪'}
      </span>
      <div className={styles.body}>
        <h2 className={styles.title}>
          <Link href={`/albums/${album.id}`}>{album.name}</Link>
        </h2>
        <p className={styles.meta}>{album.year}</p>
      </div>
    </article>
  );
}

export function AlbumList({ albums }: { albums: AlbumSummary[] }) {
  if (albums.length === 0)
    return <p className={styles.empty}>No albums in the catalogue yet — check back soon.</p>;
  return (
    <ul className={styles.grid}>
      {albums.map((album) => (
        <li key={album.id}>
          <AlbumCard album={album} />
        </li>
      ))}
    </ul>
  );
}
