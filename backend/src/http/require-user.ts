import { createHmac, timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { ErrorCodes } from '../../../shared/api/errors';
import type { Auth } from '../auth/auth';
import type { AppEnv, SignedIn } from './env';
import { jsonError } from './errors';

/**
 * The caller's session from a bearer token or the session cookie; 401 JSON without one.
 *
 * The extension's usual request (a signed bearer token, no cookie) takes a short path: the token's
 * signature is checked here and the session read by its token, one lookup (~0.4 ms, against ~2 ms
 * for better-auth's whole getSession: bearer-to-cookie conversion, plugin hooks, a second signature
 * check). Everything else goes to better-auth's getSession, which stays the authority: a cookie, an
 * unsigned or odd token, a wrong signature, an unknown or expired session, and a session due for its
 * daily refresh (better-auth extends it). A signed-out or revoked session is gone from the table, so
 * it is refused at once either way.
 */
export function requireUser(auth: Auth) {
  const context = auth.$context;

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
    const found = await ctx.internalAdapter.findSession(token);
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
