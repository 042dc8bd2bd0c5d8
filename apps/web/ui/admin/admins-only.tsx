import Link from 'next/link';
import { StatusMessage } from '@/ui/feedback/status-message';

/** What a logged-in fan sees instead of the admin area. */
export function AdminsOnly() {
  return (
    <StatusMessage
      code="403"
      title="Admins only"
      actions={
        <>
          <Link href="/shows" className="button">
            See upcoming shows
          </Link>
          <Link href="/" className="button button-secondary">
            Go home
          </Link>
        </>
      }
    >
      This part of Musicapp is for the people who run it. Your account can browse, keep playlists and reserve
      seats, but not change shows or the catalogue.
    </StatusMessage>
  );
}
