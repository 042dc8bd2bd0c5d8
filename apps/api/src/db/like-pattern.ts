/** Escapes LIKE wildcards so a search for "100%" matches the text "100%". Use with `ESCAPE '!'`. */
export function likeContains(term: string): string {
  return `%${term.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
