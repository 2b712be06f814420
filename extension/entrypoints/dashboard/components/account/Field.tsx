import type { JSX } from 'preact';
import { passwordMessage } from '../../../../../shared/accounts/password-policy';

type FieldProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onInput'> & {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  /** A line under the input: a hint, or what is wrong when `invalid`. */
  hint?: string | null;
  invalid?: boolean;
};

/** A labelled text input with an optional hint or problem under it. */
export function Field({ id, label, value, onValue, hint, invalid = false, ...input }: FieldProps) {
  const hintId = `${id}-hint`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        {...input}
        id={id}
        value={value}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={hint ? hintId : undefined}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      {hint && (
        <p id={hintId} class={invalid ? 'field-error' : 'note'} aria-live="polite">
          {hint}
        </p>
      )}
    </div>
  );
}

const RULES_HINT = passwordMessage('');

/** A password input; with `rules`, the password rule is checked as the user types and the failed part named. */
export function PasswordField({ rules = false, value, ...props }: Omit<FieldProps, 'type' | 'hint' | 'invalid'> & { rules?: boolean }) {
  const problem = rules && value !== '' ? passwordMessage(value) : null;
  const hint = rules ? (problem ?? (value === '' ? RULES_HINT : 'The password meets the rules.')) : null;
  return <Field {...props} value={value} type="password" hint={hint} invalid={problem !== null} />;
}

/** A 6-digit one-time code (room for "123 456"), from an email or a text message. */
export function CodeField(props: Omit<FieldProps, 'inputMode' | 'autocomplete' | 'maxLength'>) {
  return <Field {...props} inputMode="numeric" autocomplete="one-time-code" maxLength={7} />;
}

/** The email input every account form starts with. */
export function EmailField({ id, value, onValue }: { id: string; value: string; onValue: (value: string) => void }) {
  return <Field id={id} label="Email" type="email" autocomplete="email" spellcheck={false} value={value} onValue={onValue} />;
}
