import { ListSkeleton } from '../../ui/feedback/list-skeleton';

export default function SongsLoading() {
  return <ListSkeleton label="Loading songs…" />;
}
