import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getAdminSession } from '@/lib/admin-dal';
import { AdminNav } from '@/ui/admin/admin-nav';
import { AdminsOnly } from '@/ui/admin/admins-only';

export const metadata: Metadata = {
  title: { default: 'Admin', template: '%s · Admin · Musicapp' },
  robots: { index: false, follow: false },
};

/**
 * Logged out → the login page (and back here after it); logged in without the admin role → "Admins
 * only". This only decides what is drawn: every page asks again and every admin action checks for itself.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await getAdminSession('/admin');
  if (!session) return <AdminsOnly />;
  return (
    <>
      <AdminNav />
      {children}
    </>
  );
}
