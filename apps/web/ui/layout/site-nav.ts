/** Top-level sections of the site, in the order the header shows them. */
export const siteSections = [
  { href: '/', label: 'Home' },
  { href: '/albums', label: 'Albums' },
  { href: '/songs', label: 'Songs' },
  { href: '/shows', label: 'Shows' },
] as const;
