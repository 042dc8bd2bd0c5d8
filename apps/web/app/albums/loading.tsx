import { ListSkeleton } from '../../ui/feedback/list-skeleton';

export default function AlbumsLoading() {
  return <ListSkeleton label="Loading albums…" />;
}
