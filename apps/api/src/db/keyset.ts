import type { Knex } from 'knex';

/** A sort key as a cursor carries it (modules/paging.ts): numbers (times in ms, ids) and texts. */
type Key = string | number;

/**
 * `WHERE (a > ?) OR (a = ? AND b > ?)` for an ascending sort on the given columns (`<` for descending).
 */
export function afterKey(
  query: Knex.QueryBuilder,
  columns: [string, string],
  key: Key[],
  order: 'asc' | 'desc' = 'asc',
): void {
  const [first, second] = columns;
  const beyond = order === 'asc' ? '>' : '<';
  query.where((q) =>
    q
      .where(first, beyond, key[0] as Key)
      .orWhere((q2) => q2.where(first, key[0] as Key).andWhere(second, beyond, key[1] as Key)),
  );
}
