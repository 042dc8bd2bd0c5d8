import { createUserResponse, lookupUsersResponse, userLookupQuery, userPayload } from '@musicapp/types/users';
import type { RequestHandler } from 'express';
import { type RouteDeclaration, route } from '../../routes/route.js';
import type { UsersService } from './users.service.js';

export function usersRoutes(users: UsersService, registrationLimit: RequestHandler): RouteDeclaration[] {
  return [
    route({
      method: 'post',
      path: '/users',
      access: 'public',
      summary: 'Register; 400 when the username is taken',
      use: [registrationLimit],
      body: userPayload,
      status: 201,
      response: createUserResponse,
      errors: [429],
      handler: async ({ body }) => ({ message: 'User added', data: { userId: await users.register(body) } }),
    }),
    // Logged-in users find each other by exact username (to add a collaborator); never a listing.
    route({
      method: 'get',
      path: '/users',
      access: 'user',
      summary: 'Find a user by exact username (to add a collaborator); an empty list when nobody has it',
      query: userLookupQuery,
      response: lookupUsersResponse,
      handler: async ({ query }) => ({ data: { users: await users.lookup(query.username) } }),
    }),
  ];
}
