/** Any origin will do: a path is resolved against it only to see whether it would leave it. */
const HERE = 'http://musicapp.invalid';

/** A path-absolute reference: one slash, then anything but another slash or a backslash. */
const PATH_ABSOLUTE = /^\/(?![/\\])/;

/** The path, query and fragment a browser reads from `value` on this site, or null if it leaves it. */
function resolvedHere(value: string): string | null {
  try {
    const url = new URL(value, HERE);
    return url.origin === HERE ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

/**
 * Whether `target`, exactly as it will be sent (a `Location` header, a client navigation), keeps the
 * browser on this site: a path-absolute reference that a browser resolves to itself on this origin.
 * This checks the result, not the input: normalising `/.//evil.example` gives `//evil.example`, which
 * is a fine input to resolve and an off-site target to send.
 */
export function staysOnSite(target: string): boolean {
  return PATH_ABSOLUTE.test(target) && resolvedHere(target) === target;
}

/**
 * Where to go after login or registration: a path of this site, or home. The value is read as a
 * browser reads it (a backslash is a slash, tabs and newlines vanish, dot segments collapse), and what
 * that gives is used only if it still stays on this site when sent on (`staysOnSite`).
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  const target = resolvedHere(value);
  return target !== null && staysOnSite(target) ? target : '/';
}
