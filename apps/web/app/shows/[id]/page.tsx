import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getSession, getShow } from '@/lib/dal';
import { loginPath } from '@/lib/session-guard';
import { PageHeader } from '@/ui/layout/page-header';
import { ReserveForm } from '@/ui/shows/reserve-form';
import { seatsLabel } from '@/ui/shows/show-card';
import styles from '@/ui/shows/shows.module.css';
import { LocalTime } from '@/ui/time/local-time';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await getShow((await params).id);
  return { title: result.ok ? result.data.show.title : 'Show' };
}

export default async function ShowPage({ params }: Props) {
  const { id } = await params;
  const [result, session] = await Promise.all([getShow(id), getSession()]);
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) throw new Error(result.message);
  const { show } = result.data;
  const started = Date.parse(show.startsAt) <= Date.now();
  return (
    <>
      <PageHeader title={show.title}>{show.performer}</PageHeader>
      <div className={styles.detail}>
        <section className={styles.panel} aria-label="About the show">
          <dl className={styles.facts}>
            <dt>When</dt>
            <dd>
              <LocalTime iso={show.startsAt} />
            </dd>
            <dt>Where</dt>
            <dd>{show.venue}</dd>
            <dt>Seats</dt>
            <dd className={show.seatsLeft === 0 ? styles.soldOut : undefined}>
              {seatsLabel(show.seatsLeft)} of {show.capacity}
            </dd>
            {show.albumId ? (
              <>
                <dt>Album</dt>
                <dd>
                  <Link href={`/albums/${show.albumId}`}>Listen to the album</Link>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className={styles.panel} aria-labelledby="reserve-title">
          <h2 id="reserve-title">Reserve seats</h2>
          {started ? (
            <p>This show has started; reservations are closed.</p>
          ) : show.seatsLeft === 0 ? (
            <p>This show is sold out.</p>
          ) : session ? (
            <ReserveForm showId={show.id} idempotencyKey={randomUUID()} />
          ) : (
            <p>
              <Link className="button" href={loginPath(`/shows/${show.id}`)}>
                Log in to reserve
              </Link>
            </p>
          )}
        </section>
      </div>
    </>
  );
}
