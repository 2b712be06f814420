import { createHash } from 'node:crypto';
import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { isAPIError } from 'better-auth/api';
import { bearer } from 'better-auth/plugins';
import { SqliteDialect } from 'kysely';
import type pino from 'pino';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../shared/accounts/password-policy';
import { EXTENSION_ORIGINS } from '../../../shared/extension-ids';
import type { Config } from '../config';
import type { Db } from '../db/connection';
import { resetPasswordMessage, verifyEmailMessage } from '../mail/account-emails';
import type { Mailer } from '../mail/mailer';
import { accountGuard } from './guard-plugin';
import type { Devices } from './devices';
import type { Lockout } from './lockout';

/** better-auth reads the client address from this header, which the app sets from the socket (see http/client-ip). */
export const CLIENT_IP_HEADER = 'x-docket-watch-client-ip';
export const AUTH_BASE_PATH = '/api/auth';

/** An email's idempotency key from the secret token it carries, without revealing the token. */
const idempotencyKey = (kind: string, token: string) => `${kind}:${createHash('sha256').update(token).digest('base64url').slice(0, 32)}`;

export type AuthDeps = { config: Config; db: Db; mailer: Mailer; logger: pino.Logger; secret: string; lockout: Lockout; devices: Devices };

/**
 * better-auth over the same libsql connection as the rest of the backend (through kysely's SQLite
 * dialect; no transactions of its own, so our synchronous ones never interleave with its awaits).
 */
export function authOptions({ config, db, mailer, logger, secret, lockout, devices }: AuthDeps) {
  const appUrl = (path: string) => `${config.publicUrl}${path}`;
  return {
    appName: 'Docket Watch',
    baseURL: config.publicUrl,
    basePath: AUTH_BASE_PATH,
    secret,
    database: { dialect: new SqliteDialect({ database: db as never }), type: 'sqlite', transaction: false },
    trustedOrigins: [config.publicUrl, ...EXTENSION_ORIGINS],
    // Our own limiter runs in front, keyed by the real client address (http/rate-limit).
    rateLimit: { enabled: false },
    // Origin/CSRF checks on, explicitly: better-auth's default turns them off whenever the process
    // has NODE_ENV=test or TEST set, which is not ours to decide (our NODE_ENV is config.env).
    advanced: { ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] }, disableOriginCheck: false },
    telemetry: { enabled: false },
    logger: {
      level: 'warn',
      // Only the message: better-auth's extra arguments may carry request data.
      log: (level, message) => logger[level === 'debug' ? 'debug' : level === 'info' ? 'info' : level === 'warn' ? 'warn' : 'error']({ source: 'better-auth' }, message),
    },
    // A refused request (wrong password, weak password…) is the client's business, not a server error.
    onAPIError: {
      onError: (e: unknown) => {
        const status = isAPIError(e) ? e.statusCode : 500;
        if (status >= 500) logger.error({ err: { name: (e as Error).name, message: (e as Error).message } }, 'auth endpoint failed');
        else logger.debug({ status, code: isAPIError(e) ? (e.body as { code?: string } | undefined)?.code : undefined }, 'auth request refused');
      },
    },
    session: { expiresIn: 30 * 24 * 3600, updateAge: 24 * 3600 },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      autoSignIn: false,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      resetPasswordTokenExpiresIn: 3600,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        const url = appUrl(`/account/reset-password?token=${encodeURIComponent(token)}`);
        await mailer.send(resetPasswordMessage(user.email, url, idempotencyKey('reset', token)));
      },
      onPasswordReset: async ({ user }) => {
        lockout.unlock(user.id);
        logger.info({ userId: user.id }, 'password reset: account unlocked, other sessions revoked');
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: false,
      expiresIn: 24 * 3600,
      sendVerificationEmail: async ({ user, token }) => {
        const url = appUrl(`${AUTH_BASE_PATH}/verify-email?token=${encodeURIComponent(token)}&callbackURL=${encodeURIComponent(appUrl('/account/verified'))}`);
        await mailer.send(verifyEmailMessage(user.email, url, idempotencyKey('verify', token)));
      },
    },
    plugins: [accountGuard({ lockout, devices, mailer, logger, publicUrl: config.publicUrl }), bearer()],
  } satisfies BetterAuthOptions;
}

export function createAuth(deps: AuthDeps) {
  return betterAuth(authOptions(deps));
}
export type Auth = ReturnType<typeof createAuth>;

/** Create or update better-auth's tables (user, session, account, verification). */
export async function migrateAuth(deps: AuthDeps): Promise<void> {
  const { runMigrations } = await getMigrations(authOptions(deps));
  await runMigrations();
}
