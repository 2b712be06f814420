import { createMiddleware } from 'hono/factory';
import { ErrorCodes } from '../../../shared/api/errors';
import type { Auth } from '../auth/auth';
import type { AppEnv } from './env';
import { jsonError } from './errors';

/** The caller's session from a bearer token or the session cookie; 401 JSON without one. */
export function requireUser(auth: Auth) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const signedIn = await auth.api.getSession({ headers: c.req.raw.headers });
    if (!signedIn) return jsonError(c, 401, ErrorCodes.unauthorized, 'Not signed in (or the session was revoked): sign in again.');
    c.set('user', signedIn.user);
    c.set('session', signedIn.session);
    await next();
  });
}
