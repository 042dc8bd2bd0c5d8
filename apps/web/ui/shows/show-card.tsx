import { pluralise } from '@musicapp/types/common';
import type { Show } from '@musicapp/types/shows';
import Link from 'next/link';
import { LocalTime } from '@/ui/time/local-time';
import styles from './shows.module.css';

export function seatsLabel(seatsLeft: number): string {
  if (seatsLeft === 0) return 'Sold out';
  return `${pluralise(seatsLeft, 'seat')} left`;
}

export function ShowCard({ show }: { show: Show }) {
  return (
    <article className={styles.card}>
      <h3 className={styles.title}>
        <Link href={`/shows/${show.id}`}>{show.title}</Link>
      </h3>
      <p className={styles.meta}>
        {show.performer} · {show.venue}
      </p>
      <p className={styles.meta}>
        <LocalTime iso={show.startsAt} />
      </p>
      <p className={show.seatsLeft === 0 ? styles.soldOut : styles.seats}>{seatsLabel(show.seatsLeft)}</p>
    </article>
  );
}

export function ShowList({ shows }: { shows: Show[] }) {
  if (shows.length === 0) return <p className={styles.empty}>No upcoming shows yet — check back soon.</p>;
  return (
    <ul className={styles.grid}>
      {shows.map((show) => (
        <li key={show.id}>
          <ShowCard show={show} />
        </li>
      ))}
    </ul>
  );
}
