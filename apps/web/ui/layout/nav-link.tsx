'use client';

import Link, { useLinkStatus } from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import styles from './site-header.module.css';

/**
 * A header link that marks itself as the current page (`aria-current`) for its section, and shows that
 * its page is on the way while the next page renders on the server.
 */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} className={styles.link} aria-current={current ? 'page' : undefined}>
      {children}
      <PendingMark />
    </Link>
  );
}

/**
 * Pages render completely on the server before they are sent, so they also read and work without
 * JavaScript (a streamed loading skeleton would hide them from such browsers). With JavaScript, this is
 * the loading state of a navigation.
 */
function PendingMark() {
  const { pending } = useLinkStatus();
  return pending ? (
    <span className={styles.pending} role="status">
      <span className="visually-hidden">Loading…</span>
    </span>
  ) : null;
}
