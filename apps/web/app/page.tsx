import Link from 'next/link';
import { getUpcomingShows } from '@/lib/dal';
import { HomeHero } from '@/ui/home/home-hero';
import { QuickLinks } from '@/ui/home/quick-links';
import { ShowList } from '@/ui/shows/show-card';

export default async function HomePage() {
  const shows = await getUpcomingShows();
  return (
    <>
      <HomeHero />
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">Upcoming shows</h2>
        {shows.ok ? (
          <ShowList shows={shows.data.shows.slice(0, 6)} />
        ) : (
          <p role="status">Shows cannot be loaded right now ({shows.message}).</p>
        )}
        <p>
          <Link href="/shows">All upcoming shows →</Link>
        </p>
      </section>
      <QuickLinks />
    </>
  );
}
