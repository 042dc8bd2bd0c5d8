import type { Role } from '@musicapp/types/users';

/**
 * Who a valid access token speaks for: the auth module signs and verifies it (token-manager.ts); the
 * web layer only carries it on the request (http/authenticate.ts).
 */
export interface Principal {
  userId: string;
  role: Role;
}
