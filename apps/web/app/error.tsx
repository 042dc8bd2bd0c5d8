'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { StatusMessage } from '@/ui/feedback/status-message';

/** Route error boundary: a friendly message and a retry; never the error's message or stack. */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    // Server errors reach the browser as a generic message plus a digest that matches the server log.
    console.error(error);
  }, [error]);

  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : undefined;

  return (
    <StatusMessage
      code="Something went wrong"
      title="We could not load this page"
      actions={
        <>
          <button type="button" className="button" onClick={() => retry()}>
            Try again
          </button>
          <Link href="/" className="button button-secondary">
            Go home
          </Link>
        </>
      }
    >
      This is on our side, not yours. Please try again in a moment.
      {digest ? ` (Reference: ${digest})` : null}
    </StatusMessage>
  );
}
