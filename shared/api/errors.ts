/**
 * The one error shape of the backend's HTTP API (better-auth's own routes use the same
 * `{code, message}`), and the codes a client branches on. Anything else is shown as its message.
 */
export type ApiErrorBody = { code: string; message: string; retryAfter?: number; challengeId?: string; attemptsLeft?: number; lastMutationId?: number };

export const ErrorCodes = {
  /** 400: the body or a parameter failed validation; `message` names the field. */
  invalidInput: 'INVALID_INPUT',
  /** 400: the password breaks a rule of shared/accounts/password-policy. */
  weakPassword: 'WEAK_PASSWORD',
  /** 401: no valid session (bearer token or cookie). */
  unauthorized: 'UNAUTHORIZED',
  /** 401: sign-in with a wrong email or password (never says which). */
  badCredentials: 'INVALID_EMAIL_OR_PASSWORD',
  /** 403: the account's email is not verified; a new link was sent. */
  emailNotVerified: 'EMAIL_NOT_VERIFIED',
  /** 403: right password from a device not seen before; a 6-digit code was emailed (`challengeId`). */
  deviceCodeRequired: 'DEVICE_CODE_REQUIRED',
  /** 400: the device code is wrong (`attemptsLeft`) or expired/used up. */
  invalidCode: 'INVALID_CODE',
  /** 423: too many failed sign-ins; `retryAfter` seconds. A password reset lifts it. */
  accountLocked: 'ACCOUNT_LOCKED',
  /** 429: too many requests from this address; `retryAfter` seconds. */
  rateLimited: 'RATE_LIMITED',
  /** 404: no such resource for this user (also when it belongs to someone else). */
  notFound: 'NOT_FOUND',
  /** 403: the password given to confirm an action is wrong. */
  invalidPassword: 'INVALID_PASSWORD',
  /** 409: a per-user bound is reached (e.g. 20,000 cases). */
  limitReached: 'LIMIT_REACHED',
  /** 409: a sync push skipped mutation ids; resend from `lastMutationId + 1`. */
  mutationGap: 'MUTATION_GAP',
  /** 413: body over the size limit. */
  tooLarge: 'PAYLOAD_TOO_LARGE',
} as const;
