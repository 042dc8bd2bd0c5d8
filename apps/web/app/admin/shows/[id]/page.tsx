import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { deleteShow } from '@/actions/admin';
import { getAdminSession, getAlbumChoices } from '@/lib/admin-dal';
import { getShow } from '@/lib/dal';
import { firstParam, type SearchParams } from '@/lib/search-params';
import styles from '@/ui/admin/admin.module.css';
import { AdminsOnly } from '@/ui/admin/admins-only';
import { DeleteForm } from '@/ui/admin/delete-form';
import { EditPanels } from '@/ui/admin/edit-panels';
import { ShowForm } from '@/ui/admin/show-form';
import formStyles from '@/ui/forms/forms.module.css';
import { PageHeader } from '@/ui/layout/page-header';

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await getShow((await params).id);
  return { title: result.ok ? `Edit ${result.data.show.title}` : 'Edit show' };
}

export default async function AdminShowPage({ params, searchParams }: Props) {
  const { id } = await params;
  if (!(await getAdminSession(`/admin/shows/${id}`))) return <AdminsOnly />;
  const [result, albums, query] = await Promise.all([getShow(id), getAlbumChoices(), searchParams]);
  if (!result.ok && result.status === 404) notFound();
  if (!result.ok) throw new Error(result.message);
  const { show } = result.data;
  const reserved = show.capacity - show.seatsLeft;
  return (
    <>
      <PageHeader title={`Edit ${show.title}`}>
        {reserved} of {show.capacity} seats reserved.{' '}
        <Link href={`/shows/${show.id}`}>See the fans’ page</Link>
      </PageHeader>
      {firstParam(query.created) ? (
        <p role="status" className={`${formStyles.success} ${styles.notice}`}>
          Show added. Fans can reserve seats now.
        </p>
      ) : null}
      <EditPanels
        deleteNote="A show with confirmed reservations cannot be deleted; those reservations have to be cancelled first."
        deleteForm={
          <DeleteForm
            action={deleteShow}
            field="showId"
            id={show.id}
            what={`“${show.title}”`}
            summary="Delete this show"
          />
        }
      >
        <ShowForm show={show} albums={albums.ok ? albums.data.albums : []} />
      </EditPanels>
      <p>
        <Link href="/admin/shows">← All shows</Link>
      </p>
    </>
  );
}
