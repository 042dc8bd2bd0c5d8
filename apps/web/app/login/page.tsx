import type { Metadata } from 'next';
import Link from 'next/link';
import { login } from '@/actions/auth';
import { AuthForm } from '@/ui/auth/auth-form';
import { PageHeader } from '@/ui/layout/page-header';

export const metadata: Metadata = { title: 'Log in' };

const REASONS: Record<string, string> = {
  expired: 'Your session has ended. Please log in again.',
  'logged-out': 'You are logged out. See you soon!',
  registered: 'Your account is ready, but logging you in failed just now. Please log in.',
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { next = '/', reason } = await searchParams;
  const notice = reason ? REASONS[reason] : undefined;
  return (
    <>
      <PageHeader title="Log in">Welcome back. Log in to keep playlists and reserve seats.</PageHeader>
      {notice ? <p role="status">{notice}</p> : null}
      <AuthForm action={login} mode="login" next={next} />
      <p>
        New here? <Link href={`/register?next=${encodeURIComponent(next)}`}>Create an account</Link>
      </p>
    </>
  );
}
