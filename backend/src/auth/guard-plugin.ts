import type { BetterAuthPlugin } from 'better-auth';
import { APIError, createAuthEndpoint, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { deleteSessionCookie, setSessionCookie } from 'better-auth/cookies';
import type pino from 'pino';
import { z } from 'zod';
import { passwordMessage } from '../../../shared/accounts/password-policy';
import { ErrorCodes } from '../../../shared/api/errors';
import { accountLockedMessage, deviceCodeMessage } from '../mail/account-emails';
import type { Mailer } from '../mail/mailer';
import { deviceLabel } from '../../../shared/accounts/device-label';
import { DEVICE_ID, type Devices } from './devices';
import type { Lockout } from './lockout';

/** The header the extension names its browser with (a random id it keeps). */
export const DEVICE_HEADER = 'x-device-id';

export type GuardDeps = { lockout: Lockout; devices: Devices; mailer: Mailer; logger: pino.Logger; publicUrl: string; now?: () => number };

/** Paths whose body carries a new password, and the field it is in. */
const NEW_PASSWORD_FIELD: Record<string, string> = { '/sign-up/email': 'password', '/reset-password': 'newPassword', '/change-password': 'newPassword' };

function lockedError(lockedUntil: number, now: number): APIError {
  const retryAfter = Math.max(1, Math.ceil((lockedUntil - now) / 1000));
  const minutes = Math.ceil(retryAfter / 60);
  return new APIError(
    'LOCKED',
    { code: ErrorCodes.accountLocked, message: `Too many failed sign-ins: this account is locked for ${minutes} more minute${minutes === 1 ? '' : 's'}. Reset your password to unlock it now.`, retryAfter },
    { 'Retry-After': String(retryAfter) },
  );
}

/**
 * What better-auth does not do by itself, as one plugin placed before `bearer()`:
 * - the password rule of shared/accounts on sign-up, reset and change (400 WEAK_PASSWORD);
 * - per-account lockout (5 failures in 15 min → 423 ACCOUNT_LOCKED for 30 min, the owner emailed);
 * - a 6-digit email code for a sign-in from a browser not seen before (403 DEVICE_CODE_REQUIRED,
 *   then `POST /device/verify`), after which the browser is trusted for 30 days.
 */
export function accountGuard(deps: GuardDeps): BetterAuthPlugin {
  const now = deps.now ?? Date.now;
  return {
    id: 'docket-watch-account-guard',
    hooks: {
      before: [
        {
          matcher: (ctx) => (ctx.path ?? '') in NEW_PASSWORD_FIELD,
          handler: createAuthMiddleware(async (ctx) => {
            const field = NEW_PASSWORD_FIELD[ctx.path ?? ''] ?? 'password';
            const value: unknown = (ctx.body as Record<string, unknown> | undefined)?.[field];
            const problem = typeof value === 'string' ? passwordMessage(value) : null;
            if (problem) throw new APIError('BAD_REQUEST', { code: ErrorCodes.weakPassword, message: problem });
          }),
        },
        {
          matcher: (ctx) => ctx.path === '/sign-in/email',
          handler: createAuthMiddleware(async (ctx) => {
            const email: unknown = (ctx.body as { email?: unknown } | undefined)?.email;
            if (typeof email !== 'string') return;
            const found = await ctx.context.internalAdapter.findUserByEmail(email.toLowerCase());
            const until = found ? deps.lockout.lockedUntil(found.user.id, now()) : null;
            if (until !== null) throw lockedError(until, now());
          }),
        },
      ],
      after: [
        {
          matcher: (ctx) => ctx.path === '/sign-in/email',
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned;
            if (isAPIError(returned)) {
              if (returned.statusCode !== 401) return;
              const email: unknown = (ctx.body as { email?: unknown } | undefined)?.email;
              const found = typeof email === 'string' ? await ctx.context.internalAdapter.findUserByEmail(email.toLowerCase()) : null;
              if (!found) return;
              const t = now();
              const lockedUntil = deps.lockout.recordFailure(found.user.id, t);
              if (lockedUntil === null) return;
              deps.logger.warn({ userId: found.user.id }, 'account locked after repeated failed sign-ins');
              const resetUrl = `${deps.publicUrl}/account/forgot-password`;
              await deps.mailer.send(accountLockedMessage(found.user.email, lockedUntil - t, resetUrl, `lock:${found.user.id}:${lockedUntil}`));
              throw lockedError(lockedUntil, t);
            }
            const signedIn = ctx.context.newSession;
            if (!signedIn) return;
            const t = now();
            deps.lockout.clearFailures(signedIn.user.id);
            const deviceId = ctx.request?.headers.get(DEVICE_HEADER) ?? ctx.headers?.get(DEVICE_HEADER) ?? null;
            const deviceHash = deviceId && DEVICE_ID.test(deviceId) ? deps.devices.hashDevice(deviceId) : null;
            if (deviceHash && deps.devices.isTrusted(signedIn.user.id, deviceHash, t)) return;
            // Not a trusted browser: undo the session the password created and ask for a code.
            deleteSessionCookie(ctx, true);
            await ctx.context.internalAdapter.deleteSession(signedIn.session.token);
            ctx.context.setNewSession(null);
            const label = deviceLabel(ctx.request?.headers.get('user-agent') ?? ctx.headers?.get('user-agent')) ?? 'an unknown browser';
            const challenge = deps.devices.createChallenge(signedIn.user.id, deviceHash, label, t);
            await deps.mailer.send(deviceCodeMessage(signedIn.user.email, challenge.code, label, `device-code:${challenge.id}`));
            deps.logger.info({ userId: signedIn.user.id }, 'sign-in from a new device: code sent');
            throw new APIError('FORBIDDEN', {
              code: ErrorCodes.deviceCodeRequired,
              message: 'This browser has not signed in before: enter the 6-digit code we emailed you.',
              challengeId: challenge.id,
            });
          }),
        },
      ],
    },
    endpoints: {
      verifyDeviceCode: createAuthEndpoint(
        '/device/verify',
        { method: 'POST', body: z.object({ challengeId: z.string().min(10).max(100), code: z.string().regex(/^\d{6}$/, 'The code is 6 digits.') }) },
        async (ctx) => {
          const t = now();
          const check = deps.devices.checkCode(ctx.body.challengeId, ctx.body.code, t);
          if (!check.ok) {
            throw new APIError('BAD_REQUEST', {
              code: ErrorCodes.invalidCode,
              message:
                check.reason === 'wrong'
                  ? `That code is not right: ${check.attemptsLeft} ${check.attemptsLeft === 1 ? 'try' : 'tries'} left.`
                  : 'This code has expired or was tried too often. Sign in again to get a new one.',
              attemptsLeft: check.attemptsLeft,
            });
          }
          const until = deps.lockout.lockedUntil(check.userId, t);
          if (until !== null) throw lockedError(until, t);
          const user = await ctx.context.internalAdapter.findUserById(check.userId);
          if (!user) throw new APIError('BAD_REQUEST', { code: ErrorCodes.invalidCode, message: 'This account no longer exists.' });
          if (check.deviceHash) deps.devices.trust(user.id, check.deviceHash, check.label, t);
          const session = await ctx.context.internalAdapter.createSession(user.id);
          await setSessionCookie(ctx, { session, user });
          return ctx.json({ token: session.token, user: { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified } });
        },
      ),
    },
  } satisfies BetterAuthPlugin;
}
