import { pluralise } from '@musicapp/types/common';
import type { ReservationWithShow } from '@musicapp/types/reservations';
import Link from 'next/link';
import { LocalTime } from '@/ui/time/local-time';
import { CancelForm } from './cancel-form';
import styles from './reservations.module.css';

export function ReservationList({ reservations }: { reservations: ReservationWithShow[] }) {
  if (reservations.length === 0) {
    return (
      <p>
        No reservations yet. <Link href="/shows">Find a show</Link> and reserve your seats.
      </p>
    );
  }
  return (
    <ul className={styles.list}>
      {reservations.map((reservation) => (
        <li key={reservation.id} className={styles.item}>
          <div className={styles.head}>
            <span className={styles.code} title="Reservation code">
              {reservation.code}
            </span>
            <span
              className={`${styles.status} ${reservation.status === 'cancelled' ? styles.cancelled : ''}`}
            >
              {reservation.status === 'confirmed' ? 'Confirmed' : 'Cancelled'}
            </span>
          </div>
          <p className={styles.meta}>
            <Link href={`/shows/${reservation.showId}`}>{reservation.show.title}</Link> ·{' '}
            {reservation.show.performer}
          </p>
          <p className={styles.meta}>
            {reservation.show.venue} · <LocalTime iso={reservation.show.startsAt} />
          </p>
          <p className={styles.meta}>{pluralise(reservation.seats, 'seat')}</p>
          {reservation.status === 'confirmed' ? (
            <CancelForm reservationId={reservation.id} code={reservation.code} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
