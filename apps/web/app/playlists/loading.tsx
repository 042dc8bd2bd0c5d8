import { ListSkeleton } from '../../ui/feedback/list-skeleton';

export default function PlaylistsLoading() {
  return <ListSkeleton label="Loading playlists…" />;
}
