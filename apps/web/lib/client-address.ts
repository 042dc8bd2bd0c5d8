/**
 * The browser's address, as the web's own proxy recorded it. nginx-frontend appends the address it
 * saw to X-Forwarded-For; entries left of it were written by whoever sent the request, the browser
 * included, and prove nothing. With `hops` proxies in front of the web (WEB_TRUSTED_PROXY_HOPS: 1 in
 * the stack, 0 by default, when browsers reach the web directly and every entry is the browser's own),
 * the client is the entry that many places from the right; with none, there is no address to pass on.
 */
export function clientAddress(forwardedFor: string | null, hops: number): string | null {
  if (hops < 1 || !forwardedFor) return null;
  const entries = forwardedFor.split(',').map((entry) => entry.trim());
  const address = entries.at(-hops);
  return address && /^[0-9a-fA-F.:]+$/.test(address) ? address : null;
}

/** The proxies in front of the web, from WEB_TRUSTED_PROXY_HOPS (a whole number; anything else is 0). */
export function trustedProxyHops(value: string | undefined): number {
  return /^\d{1,2}$/.test(value ?? '') ? Number(value) : 0;
}
