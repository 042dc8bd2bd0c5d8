import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusMessage } from '@/ui/feedback/status-message';

export const metadata: Metadata = { title: 'Page not found' };

export default function NotFound() {
  return (
    <StatusMessage
      code="404"
      title="This page is not on the setlist"
      actions={
        <>
          <Link href="/" className="button">
            Go home
          </Link>
          <Link href="/shows" className="button button-secondary">
            See upcoming shows
          </Link>
        </>
      }
    >
      The page you are looking for does not exist or has moved. Check the address, or pick up from one of
      these.
    </StatusMessage>
  );
}
