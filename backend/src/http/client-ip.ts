import type { Context } from 'hono';
import type { AppEnv } from './env';

/**
 * The client's address: the TCP peer, or — only when TRUST_PROXY is set, i.e. a proxy we run is the
 * peer — the first address of X-Forwarded-For. Rate limits key on it, so it must not be spoofable.
 */
export function clientIp(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
