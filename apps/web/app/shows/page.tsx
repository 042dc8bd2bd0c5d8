import type { Metadata } from 'next';
import Link from 'next/link';
import { getUpcomingShows } from '@/lib/dal';
import { PageHeader } from '@/ui/layout/page-header';
import { ShowList } from '@/ui/shows/show-card';

export const metadata: Metadata = { title: 'Upcoming shows' };

export default async function ShowsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const { cursor } = await searchParams;
  const result = await getUpcomingShows(cursor);
  if (!result.ok) throw new Error(result.message);
  return (
    <>
      <PageHeader title="Upcoming shows">Soonest first. Reserve up to 6 seats per show.</PageHeader>
      <ShowList shows={result.data.shows} />
      {result.data.nextCursor ? (
        <p>
          <Link
            className="button button-secondary"
            href={`/shows?cursor=${encodeURIComponent(result.data.nextCursor)}`}
          >
            Later shows
          </Link>
        </p>
      ) : null}
    </>
  );
}
