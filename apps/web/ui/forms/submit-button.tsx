'use client';

import { useFormStatus } from 'react-dom';

/**
 * Disabled while its form is being submitted, so a double click never sends twice. `name`/`value`
 * tell the action which of several buttons was pressed; `variant` picks the quieter secondary look.
 */
export function SubmitButton({
  children,
  pendingLabel,
  name,
  value,
  variant = 'primary',
}: {
  children: React.ReactNode;
  pendingLabel: string;
  name?: string;
  value?: string;
  variant?: 'primary' | 'secondary';
}) {
  const { pending, data } = useFormStatus();
  // With several buttons in one form, only the one pressed says what is happening.
  const pressed = pending && (name === undefined || data?.get(name) === value);
  return (
    <button
      type="submit"
      className={variant === 'secondary' ? 'button button-secondary' : 'button'}
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
    >
      {pressed ? pendingLabel : children}
    </button>
  );
}
