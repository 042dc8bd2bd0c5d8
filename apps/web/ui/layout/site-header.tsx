import Link from 'next/link';
import { NavLink } from './nav-link';
import styles from './site-header.module.css';
import { siteSections } from './site-nav';

export function SiteHeader() {
  return (
    <header className={styles.header}>
      <div className={styles.inner}>
        <Link href="/" className={styles.brand}>
          <span aria-hidden="true" className={styles.logo}>
            ♪
          </span>
          Musicapp
        </Link>
        <nav aria-label="Main">
          <ul className={styles.list}>
            {siteSections.map((section) => (
              <li key={section.href}>
                <NavLink href={section.href}>{section.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
