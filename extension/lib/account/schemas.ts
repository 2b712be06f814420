import { z } from 'zod';

/**
 * Response bodies of the sync server's account API, as the extension reads them. Unknown extra
 * fields are ignored; a missing or mistyped field makes the answer unreadable (see http.ts).
 */

/** An instant as the server sends it (ISO string or epoch ms) → epoch ms. */
const Instant = z
  .union([z.string(), z.number()])
  .transform((v) => new Date(v).getTime())
  .pipe(z.number());

const User = z.object({ email: z.string().min(1) });

/** Sign-up: the new user; a verification email is on its way. */
export const SignUpBody = z.object({ user: User });

/** Sign-in and device verification: the bearer token (also in the `set-auth-token` header). */
export const SignInBody = z.object({ token: z.string().min(1).optional(), user: User });

/** Change password: a new token when the server rotated the session. */
export const ChangePasswordBody = z.object({ token: z.string().min(1).nullish(), user: User });

export const StatusBody = z.object({ status: z.literal(true) });

export const MeBody = z.object({ id: z.string().min(1), email: z.string().min(1), emailVerified: z.boolean() });

const Session = z.object({
  id: z.string().min(1),
  createdAt: Instant.nullish(),
  lastSeenAt: Instant.nullish(),
  expiresAt: Instant.nullish(),
  ipAddress: z.string().nullish(),
  userAgent: z.string().nullish(),
  current: z.boolean(),
});
export const SessionsBody = z.object({ sessions: z.array(Session) });

export const DeletedBody = z.object({ deleted: z.literal(true) });

/** The user's data export: any JSON object. */
export const ExportBody = z.record(z.string(), z.unknown());

/** A phone number waiting for the SMS code it was sent (`POST /api/v1/prefs/phone`). */
export const PhonePendingBody = z.object({ pending: z.string().min(1), expiresAt: z.string().min(1) });

/** Sign-out, password-reset request and revoke: only the status matters, any body (or none) is fine. */
export const AnyBody = z.unknown();

/** The one error shape (shared/api/errors.ts); a missing or odd field is dropped, the rest still reads. */
export const ErrorBody = z.object({
  code: z.string().optional().catch(undefined),
  message: z.string().optional().catch(undefined),
  retryAfter: z.number().optional().catch(undefined),
  challengeId: z.string().optional().catch(undefined),
  attemptsLeft: z.number().optional().catch(undefined),
  /** With MUTATION_GAP: the last sync mutation id the server applied for this client. */
  lastMutationId: z.number().int().min(0).optional().catch(undefined),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
