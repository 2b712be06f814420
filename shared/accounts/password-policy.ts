/**
 * The password rule, one copy for the dashboard (checked as the user types) and the server
 * (checked again on sign-up, reset and change): at least 8 characters with an upper-case letter,
 * a lower-case letter and a digit. Each failed rule is named, so the message says what to fix.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

const RULES: readonly { test: (pw: string) => boolean; problem: string }[] = [
  { test: (pw) => pw.length >= PASSWORD_MIN_LENGTH, problem: `at least ${PASSWORD_MIN_LENGTH} characters` },
  { test: (pw) => pw.length <= PASSWORD_MAX_LENGTH, problem: `at most ${PASSWORD_MAX_LENGTH} characters` },
  { test: (pw) => /\p{Lu}/u.test(pw), problem: 'an upper-case letter' },
  { test: (pw) => /\p{Ll}/u.test(pw), problem: 'a lower-case letter' },
  { test: (pw) => /\p{Nd}/u.test(pw), problem: 'a digit' },
];

/** The rules `password` breaks, in plain words ("a digit"); empty when it is acceptable. */
export function passwordProblems(password: string): string[] {
  return RULES.filter((r) => !r.test(password)).map((r) => r.problem);
}

/** One sentence for the user, or null when the password is acceptable. */
export function passwordMessage(password: string): string | null {
  const problems = passwordProblems(password);
  return problems.length === 0 ? null : `Password needs ${problems.join(', ')}.`;
}
