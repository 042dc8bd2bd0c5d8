import Link from 'next/link';
import { Field } from '@/ui/forms/form-feedback';
import { searchInputProps } from '@/ui/forms/search-input';
import styles from './songs.module.css';

export interface SongQuery {
  title: string;
  performer: string;
}

/** Words for what was searched: `the title “love” and the performer “ada”`. */
export function describeSongQuery({ title, performer }: SongQuery): string {
  const parts = [title ? `the title “${title}”` : '', performer ? `the performer “${performer}”` : ''];
  return parts.filter(Boolean).join(' and ');
}

/**
 * The song search: a plain GET form, so it works without JavaScript and every search has its own
 * address to share or bookmark. Both terms are case-insensitive parts of a word.
 */
export function SongSearch({ query, error }: { query: SongQuery; error?: string | undefined }) {
  const searching = Boolean(query.title || query.performer);
  return (
    <search aria-label="Song search" className={styles.search}>
      <form method="get" action="/songs" className={styles.form}>
        {error ? (
          <p role="alert" className={styles.alert}>
            {error}
          </p>
        ) : null}
        <div className={styles.fields}>
          <Field
            {...searchInputProps}
            name="title"
            label="Title"
            defaultValue={query.title}
            placeholder="e.g. midnight"
          />
          <Field
            {...searchInputProps}
            name="performer"
            label="Performer"
            defaultValue={query.performer}
            placeholder="e.g. the loopbacks"
          />
          <div className={styles.actions}>
            <button type="submit" className="button">
              Search
            </button>
            {searching ? (
              <Link href="/songs" className="button button-secondary">
                Clear
              </Link>
            ) : null}
          </div>
        </div>
      </form>
    </search>
  );
}
