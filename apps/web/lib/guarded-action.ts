import 'server-only';
import type { z } from 'zod';
import { type ApiRequest, type ApiResult, callApi } from './api-client';
import type { FormAction, FormState } from './form-state';
import { readSession, type Session } from './session';
import { type ApiFailure, admit, type Guard, ONLY_ADMINS, refusal } from './session-guard';

/** What an action's body gets once the guard let it through. */
export interface ActionContext {
  session: Session;
  formData: FormData;
  /** The api, called with this session's token. */
  call<S extends z.ZodType>(
    path: string,
    dataSchema: S,
    request?: Omit<ApiRequest, 'accessToken'>,
  ): Promise<ApiResult<z.output<S>>>;
  /** An api failure as this form's state; a rejected token goes to login. */
  refuse(failure: ApiFailure, values?: Record<string, string>): FormState;
}

/**
 * A Server Action for `useActionState` that re-checks the session (and role) itself, the same way for
 * every action: the proxy and layouts only decide what is drawn. `guard` may read the form, e.g. to
 * come back to the page of the item it names.
 */
export function guardedAction(
  guard: Guard | ((formData: FormData) => Guard),
  run: (context: ActionContext) => Promise<FormState>,
): FormAction {
  return async (_state, formData) => {
    const resolved = typeof guard === 'function' ? guard(formData) : guard;
    const session = admit(await readSession(), resolved);
    if (!session) return { message: ONLY_ADMINS };
    return run({
      session,
      formData,
      call: (path, dataSchema, request = {}) =>
        callApi(path, dataSchema, { ...request, accessToken: session.accessToken }),
      refuse: (failure, values) => refusal(failure, resolved, values),
    });
  };
}
