import { createHmac, timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { ErrorCodes } from '../../../shared/api/errors';
import type { Auth } from '../auth/auth';
import type { Db } from '../db/connection';
import type { AppEnv, SignedIn } from './env';
import { jsonError } from './errors';

/**
 * The caller's session from a bearer token or the session cookie; 401 JSON without one.
 *
 * The extension's usual request (a signed bearer token, no cookie) takes a short path: the token's
 * signature is checked here and the session read by its token, one prepared SQL read (~25 µs, against ~2 ms
 * for better-auth's whole getSession: bearer-to-cookie conversion, plugin hooks, a second signature
 * check). Everything else goes to better-auth's getSession, which stays the authority: a cookie, an
 * unsigned or odd token, a wrong signature, an unknown or expired session, and a session due for its
 * daily refresh (better-auth extends it). A signed-out or revoked session is gone from the table, so
 * it is refused at once either way.
 */
export function requireUser(auth: Auth, db: Db) {
  const context = auth.$context;
  // One indexed read of better-auth's own tables (session.token is unique), ~25 µs.
  const bySessionToken = db.prepare(
    `SELECT s.id, s.token, s.userId, s.expiresAt, s.createdAt, s.updatedAt, s.ipAddress, s.userAgent,
            u.name, u.email, u.emailVerified, u.image, u.createdAt AS userCreatedAt, u.updatedAt AS userUpdatedAt
     FROM session s JOIN user u ON u.id = s.userId WHERE s.token = ?`,
  );
  const findSession = (token: string): SignedIn | null => {
    const r = bySessionToken.get(token) as Record<string, string | number | null> | undefined;
    if (!r) return null;
    const date = (v: unknown) => new Date(String(v));
    const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
    return {
      session: { id: String(r.id), token: String(r.token), userId: String(r.userId), expiresAt: date(r.expiresAt), createdAt: date(r.createdAt), updatedAt: date(r.updatedAt), ipAddress: text(r.ipAddress), userAgent: text(r.userAgent) },
      user: { id: String(r.userId), name: String(r.name), email: String(r.email), emailVerified: Number(r.emailVerified) === 1, image: text(r.image), createdAt: date(r.userCreatedAt), updatedAt: date(r.userUpdatedAt) },
    } as SignedIn;
  };

  async function fromBearer(headers: Headers): Promise<SignedIn | null> {
    const header = headers.get('authorization');
    if (!header || headers.has('cookie') || header.slice(0, 7).toLowerCase() !== 'bearer ') return null;
    const parts = header.slice(7).trim().split('.');
    if (parts.length !== 2) return null;
    const [token = '', signature = ''] = parts;
    const ctx = await context;
    const expected = Buffer.from(createHmac('sha256', ctx.secret).update(token).digest('base64'));
    const given = Buffer.from(signature);
    if (!token || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const found = findSession(token);
    if (!found) return null;
    const expiresAt = found.session.expiresAt.getTime();
    const { expiresIn, updateAge } = ctx.sessionConfig;
    const now = Date.now();
    if (expiresAt <= now || expiresAt - expiresIn * 1000 + updateAge * 1000 <= now) return null;
    return found as SignedIn;
  }

  return createMiddleware<AppEnv>(async (c, next) => {
    const headers = c.req.raw.headers;
    const signedIn = (await fromBearer(headers)) ?? (await auth.api.getSession({ headers }));
    if (!signedIn) return jsonError(c, 401, ErrorCodes.unauthorized, 'Not signed in (or the session was revoked): sign in again.');
    c.set('user', signedIn.user);
    c.set('session', signedIn.session);
    await next();
  });
}
