import Link from 'next/link';
import { logout } from '@/actions/auth';
import { getSession } from '@/lib/dal';
import { NavLink } from './nav-link';
import styles from './site-header.module.css';
import { siteSections } from './site-nav';

export async function SiteHeader() {
  const session = await getSession();
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
            {session ? (
              <>
                <li>
                  <NavLink href="/playlists">My playlists</NavLink>
                </li>
                <li>
                  <NavLink href="/reservations">My reservations</NavLink>
                </li>
                {session.role === 'admin' ? (
                  <li>
                    <NavLink href="/admin">Admin</NavLink>
                  </li>
                ) : null}
                <li>
                  <form action={logout}>
                    <button type="submit" className={styles.linkButton}>
                      Log out
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <li>
                <NavLink href="/login">Log in</NavLink>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
