import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/ui/layout/site-footer';
import { SiteHeader } from '@/ui/layout/site-header';
import { TimeZoneSync } from '@/ui/time/time-zone-sync';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Musicapp', template: '%s · Musicapp' },
  description: 'Browse albums and songs, keep playlists and reserve seats for live shows.',
  applicationName: 'Musicapp',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <TimeZoneSync />
      </body>
    </html>
  );
}
