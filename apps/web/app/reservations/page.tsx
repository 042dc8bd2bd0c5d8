import type { Metadata } from 'next';
import { getMyReservations, requireSession } from '@/lib/dal';
import { PageHeader } from '@/ui/layout/page-header';
import { ReservationList } from '@/ui/reservations/reservation-list';

export const metadata: Metadata = { title: 'My reservations' };

export default async function ReservationsPage() {
  const session = await requireSession('/reservations');
  const result = await getMyReservations(session);
  if (!result.ok) throw new Error(result.message);
  return (
    <>
      <PageHeader title="My reservations">Show your code at the door. Newest first.</PageHeader>
      <ReservationList reservations={result.data.reservations} />
    </>
  );
}
