/** Any origin will do: a path is resolved against it only to see whether it would leave it. */
const HERE = 'http://musicapp.invalid';

/**
 * Where to go after login or registration: a path of this site, or home. The path is read as a browser
 * reads it (a backslash is a slash, tabs and newlines vanish), so `/\evil.example` and `/<tab>/evil.example`
 * are the off-site addresses they are to a browser, and go home.
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return '/';
  }
  if (url.origin !== HERE) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
