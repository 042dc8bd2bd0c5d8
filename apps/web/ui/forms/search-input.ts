/**
 * What every song search box shares: a search input, no browser suggestions (the catalogue's are on the
 * page), and the API's 200-character limit on a search term (songSearchQuery).
 */
export const searchInputProps = { type: 'search', maxLength: 200, autoComplete: 'off' } as const;
