'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './admin.module.css';

export const adminSections = [
  { href: '/admin', label: 'Overview' },
  { href: '/admin/shows', label: 'Shows' },
  { href: '/admin/albums', label: 'Albums' },
  { href: '/admin/songs', label: 'Songs' },
] as const;

/** The admin area's own tabs; "Overview" is current only on /admin itself. */
export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className={styles.nav}>
      <ul className={styles.navList}>
        {adminSections.map(({ href, label }) => {
          const current =
            href === '/admin' ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link href={href} className={styles.navLink} aria-current={current ? 'page' : undefined}>
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
