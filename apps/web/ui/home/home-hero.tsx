import Link from 'next/link';
import styles from './home-hero.module.css';

export function HomeHero() {
  return (
    <section className={styles.hero} aria-labelledby="home-title">
      <p className={styles.eyebrow}>Your music, your seats</p>
      <h1 id="home-title" className={styles.title}>
        Find the music you love and be there when it plays live.
      </h1>
      <p className={styles.lead}>
        Musicapp lets you browse albums and songs, keep playlists to share with friends, and reserve seats for
        upcoming live shows — with a reservation code the moment your seats are yours.
      </p>
      <div className={styles.actions}>
        <Link href="/shows" className="button">
          See upcoming shows
        </Link>
        <Link href="/albums" className="button button-secondary">
          Browse albums
        </Link>
      </div>
    </section>
  );
}
