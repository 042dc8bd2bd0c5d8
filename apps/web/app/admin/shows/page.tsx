import type { Metadata } from 'next';
import { getAdminSession, getAlbumChoices } from '@/lib/admin-dal';
import { getUpcomingShows } from '@/lib/dal';
import { firstParam, type SearchParams } from '@/lib/search-params';
import { AdminsOnly } from '@/ui/admin/admins-only';
import { CatalogueAdmin } from '@/ui/admin/catalogue-admin';
import { ShowForm } from '@/ui/admin/show-form';
import { formatUtc } from '@/ui/admin/utc-date-time';

export const metadata: Metadata = { title: 'Shows' };

/** Shows are deleted from their edit page, where the reservations they still hold are in view. */
export default async function AdminShowsPage({ searchParams }: { searchParams: SearchParams }) {
  if (!(await getAdminSession('/admin/shows'))) return <AdminsOnly />;
  const params = await searchParams;
  const [shows, albums] = await Promise.all([getUpcomingShows(firstParam(params.cursor)), getAlbumChoices()]);
  if (!shows.ok) throw new Error(shows.message);
  const { nextCursor } = shows.data;
  return (
    <CatalogueAdmin
      title="Shows"
      intro="Upcoming shows, soonest first. Times are in UTC."
      noun="show"
      listTitle="Upcoming"
      empty="No upcoming shows. Add the first one with the form."
      rows={shows.data.shows.map((show) => ({
        id: show.id,
        title: show.title,
        meta: [
          `${show.performer} · ${show.venue} · ${formatUtc(show.startsAt)}`,
          `${show.capacity - show.seatsLeft} of ${show.capacity} seats reserved`,
        ],
        edit: `/admin/shows/${show.id}`,
      }))}
      more={
        nextCursor
          ? { href: `/admin/shows?cursor=${encodeURIComponent(nextCursor)}`, label: 'Later shows' }
          : null
      }
      deleted={Boolean(firstParam(params.deleted))}
      form={<ShowForm albums={albums.ok ? albums.data.albums : []} />}
    />
  );
}
