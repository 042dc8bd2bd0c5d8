import type { Metadata } from 'next';
import Link from 'next/link';
import { getAdminSession } from '@/lib/admin-dal';
import styles from '@/ui/admin/admin.module.css';
import { AdminsOnly } from '@/ui/admin/admins-only';
import { PageHeader } from '@/ui/layout/page-header';

export const metadata: Metadata = { title: 'Overview' };

const areas = [
  {
    href: '/admin/shows',
    title: 'Shows',
    text: 'Add upcoming shows, change their details or capacity, delete them.',
  },
  {
    href: '/admin/albums',
    title: 'Albums',
    text: 'Add albums to the catalogue, change their name or year, remove them.',
  },
  {
    href: '/admin/songs',
    title: 'Songs',
    text: 'Add songs, as singles or on an album, change any of their details, remove them.',
  },
] as const;

export default async function AdminPage() {
  if (!(await getAdminSession('/admin'))) return <AdminsOnly />;
  return (
    <>
      <PageHeader title="Admin">
        Run the shows and the catalogue. Changes are live for fans at once.
      </PageHeader>
      <ul className={styles.cards}>
        {areas.map((area) => (
          <li key={area.href}>
            <article className={styles.card}>
              <h2>
                <Link href={area.href}>{area.title}</Link>
              </h2>
              <p>{area.text}</p>
            </article>
          </li>
        ))}
      </ul>
    </>
  );
}
