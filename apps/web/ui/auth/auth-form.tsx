'use client';

import { useActionState } from 'react';
import { type FormAction, initialFormState } from '@/lib/form-state';
import { Field, FormFeedback } from '@/ui/forms/form-feedback';
import styles from '@/ui/forms/forms.module.css';
import { SubmitButton } from '@/ui/forms/submit-button';

interface AuthFormProps {
  action: FormAction;
  mode: 'login' | 'register';
  next: string;
}

/** Log-in and sign-up form; a plain HTML form first, so it works before JavaScript loads. */
export function AuthForm({ action, mode, next }: AuthFormProps) {
  const [state, formAction] = useActionState(action, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className={styles.form} noValidate>
      <FormFeedback state={state} />
      <input type="hidden" name="next" value={next} />
      {mode === 'register' ? (
        <Field name="fullname" label="Full name" autoComplete="name" required error={errors.fullname} />
      ) : null}
      <Field name="username" label="Username" autoComplete="username" required error={errors.username} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete={mode === 'login' ? 'current-password' : 'new-password'}
        required
        error={errors.password}
      />
      <SubmitButton pendingLabel={mode === 'login' ? 'Logging in…' : 'Creating your account…'}>
        {mode === 'login' ? 'Log in' : 'Create account'}
      </SubmitButton>
    </form>
  );
}
