import type { Metadata } from 'next';
import Link from 'next/link';
import { register } from '@/actions/auth';
import { AuthForm } from '@/ui/auth/auth-form';
import { PageHeader } from '@/ui/layout/page-header';

export const metadata: Metadata = { title: 'Create an account' };

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { next = '/' } = await searchParams;
  return (
    <>
      <PageHeader title="Create an account">
        Keep playlists, share them with friends and reserve seats.
      </PageHeader>
      <AuthForm action={register} mode="register" next={next} />
      <p>
        Already have an account? <Link href={`/login?next=${encodeURIComponent(next)}`}>Log in</Link>
      </p>
    </>
  );
}
