import {
  loginPayload,
  loginResponse,
  refreshResponse,
  refreshTokenPayload,
} from '@musicapp/types/authentications';
import type { RequestHandler } from 'express';
import { jsonBody } from '../../http/json-body.js';
import { type RouteDeclaration, route } from '../../routes/route.js';
import type { AuthenticationsService } from './authentications.service.js';

export function authenticationsRoutes(
  auth: AuthenticationsService,
  loginRateLimits: RequestHandler[],
): RouteDeclaration[] {
  return [
    route({
      method: 'post',
      path: '/authentications',
      access: 'public',
      summary: 'Log in',
      // The per-username limit reads the username from the body, so the body is parsed first.
      use: [jsonBody, ...loginRateLimits],
      body: loginPayload,
      status: 201,
      response: loginResponse,
      errors: [401, 429],
      handler: async ({ body }) => ({ message: 'Logged in', data: await auth.login(body) }),
    }),
    route({
      method: 'put',
      path: '/authentications',
      access: 'public',
      summary: 'New access token from a refresh token',
      body: refreshTokenPayload,
      response: refreshResponse,
      handler: async ({ body }) => ({
        message: 'Access token refreshed',
        data: { accessToken: await auth.refresh(body.refreshToken) },
      }),
    }),
    route({
      method: 'delete',
      path: '/authentications',
      access: 'public',
      summary: 'Log out: the refresh token stops working',
      body: refreshTokenPayload,
      handler: async ({ body }) => {
        await auth.logout(body.refreshToken);
        return { message: 'Logged out' };
      },
    }),
  ];
}
