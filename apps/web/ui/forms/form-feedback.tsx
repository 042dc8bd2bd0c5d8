import type { FormState } from '@/lib/form-state';
import styles from './forms.module.css';

/** The form's answer: an error in an assertive alert, a success in a polite status. */
export function FormFeedback({ state }: { state: FormState }) {
  if (state.message) {
    return (
      <p role="alert" className={styles.alert}>
        {state.message}
      </p>
    );
  }
  if (state.success) {
    return (
      <p role="status" className={styles.success}>
        {state.success}
      </p>
    );
  }
  return null;
}

/** A labelled input with its error right under it, linked for screen readers. */
export function Field({
  name,
  label,
  error,
  ...input
}: {
  name: string;
  label: string;
  error?: string | undefined;
} & React.InputHTMLAttributes<HTMLInputElement>) {
  const errorId = `${name}-error`;
  return (
    <div className={styles.field}>
      <label className={styles.label} htmlFor={name}>
        {label}
      </label>
      <input
        id={name}
        name={name}
        className={styles.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...input}
      />
      {error ? (
        <p id={errorId} className={styles.fieldError}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
