import type { AlbumSummary } from '@musicapp/types/albums';

/** Suggestions for an "Album id" field: type a name or an id, the id is what is sent. */
export function AlbumChoices({ id, albums }: { id: string; albums: AlbumSummary[] }) {
  return (
    <datalist id={id}>
      {albums.map((album) => (
        <option key={album.id} value={album.id}>
          {`${album.name} (${album.year})`}
        </option>
      ))}
    </datalist>
  );
}
