import Link from 'next/link';
import styles from './quick-links.module.css';

const quickLinks = [
  { href: '/albums', title: 'Albums', text: 'Browse the catalogue album by album, with every track listed.' },
  {
    href: '/songs',
    title: 'Songs',
    text: 'Search songs by title or performer and add them to your playlists.',
  },
  {
    href: '/shows',
    title: 'Live shows',
    text: 'Pick an upcoming show and reserve up to six seats in one go.',
  },
] as const;

export function QuickLinks() {
  return (
    <section aria-labelledby="quick-links-title">
      <h2 id="quick-links-title" className={styles.heading}>
        Start exploring
      </h2>
      <ul className={styles.grid}>
        {quickLinks.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className={styles.card}>
              <span className={styles.title}>{link.title}</span>
              <span className={styles.text}>{link.text}</span>
              <span aria-hidden="true" className={styles.arrow}>
                →
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
