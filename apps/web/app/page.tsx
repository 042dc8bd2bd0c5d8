import { HomeHero } from '../ui/home/home-hero';
import { QuickLinks } from '../ui/home/quick-links';

export default function HomePage() {
  return (
    <>
      <HomeHero />
      <QuickLinks />
    </>
  );
}
