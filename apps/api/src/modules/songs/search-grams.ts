/**
 * Substring search index: every song is indexed by the distinct 3-character pieces ("grams") of its
 * folded title and performer. A song whose title contains "xylo" necessarily has the grams "xyl" and
 * "ylo", so the postings of any gram of a search term are a superset of the matches; the real LIKE then
 * decides. Postings are kept in list order (title, id), so reading the postings of the term's rarest
 * gram in order finds a page of matches quickly whether the term is rare or common.
 */

export type SearchField = 't' | 'p';

/** Case- and accent-insensitive folding, like the database's `utf8mb4_unicode_ci` comparison. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The distinct grams of a text, after folding (empty for texts shorter than 3 characters). */
export function gramsOf(text: string): string[] {
  const chars = Array.from(fold(text));
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  return [...grams];
}

/** The grams of one song, as rows of `song_search_grams`. */
export function songGramRows(song: { id: string; title: string; performer: string }) {
  const row = (field: SearchField) => (gram: string) => ({
    field,
    gram,
    title: song.title,
    song_id: song.id,
  });
  return [...gramsOf(song.title).map(row('t')), ...gramsOf(song.performer).map(row('p'))];
}

/** At most `max` grams of a search term, spread over it (its start, its end and between). */
export function probeGrams(term: string, max = 4): string[] {
  const grams = gramsOf(term);
  if (grams.length <= max) return grams;
  return Array.from(
    { length: max },
    (_, i) => grams[Math.round((i * (grams.length - 1)) / (max - 1))] as string,
  );
}
