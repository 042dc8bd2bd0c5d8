'use server';

import { loginPayload, loginResponse, logoutResponse } from '@musicapp/types/authentications';
import { createUserResponse, userPayload } from '@musicapp/types/users';
import { redirect } from 'next/navigation';
import { callApi } from '@/lib/api-client';
import { type FormState, fieldErrorsOf } from '@/lib/form-state';
import { safeNext } from '@/lib/safe-next';
import { clearSession, readRefreshToken, saveSession } from '@/lib/session';
import { loginPath } from '@/lib/session-guard';

async function logIn(username: string, password: string, next: string): Promise<FormState> {
  const result = await callApi('/authentications', loginResponse.shape.data, {
    method: 'POST',
    body: { username, password },
  });
  if (!result.ok) return { message: result.message };
  await saveSession(result.data);
  redirect(next);
}

export async function login(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = loginPayload.safeParse({
    username: formData.get('username'),
    password: formData.get('password'),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  return logIn(parsed.data.username, parsed.data.password, safeNext(formData.get('next')));
}

export async function register(_state: FormState, formData: FormData): Promise<FormState> {
  const parsed = userPayload.safeParse({
    username: formData.get('username'),
    password: formData.get('password'),
    fullname: formData.get('fullname'),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  const created = await callApi('/users', createUserResponse.shape.data, {
    method: 'POST',
    body: parsed.data,
  });
  if (!created.ok) return { message: created.message };
  const next = safeNext(formData.get('next'));
  await logIn(parsed.data.username, parsed.data.password, next);
  // Only logging in failed (the login limit, say): the account exists, and registering again would
  // only say its username is taken. The login page says so and leads on to the same place.
  redirect(loginPath(next, 'registered'));
}

export async function logout(): Promise<void> {
  const refreshToken = await readRefreshToken();
  if (refreshToken) {
    // Revoke it at the api too, so the refresh token stops working everywhere, not only here.
    await callApi('/authentications', logoutResponse.shape.data, {
      method: 'DELETE',
      body: { refreshToken },
    });
  }
  await clearSession();
  redirect('/login?reason=logged-out');
}
