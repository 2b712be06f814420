import { cors } from 'hono/cors';
import { EXTENSION_ORIGINS } from '../../../shared/extension-ids';
import { DEVICE_HEADER } from '../auth/guard-plugin';

/** Cross-origin calls only from the extension (Chrome's pinned id, any Firefox install) and PUBLIC_URL. */
export function corsForExtension(publicUrl: string) {
  const exact = new Set<string>([publicUrl, ...EXTENSION_ORIGINS.filter((o) => !o.includes('*'))]);
  return cors({
    origin: (origin) => (exact.has(origin) || /^moz-extension:\/\/[0-9a-f-]{36}$/.test(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ['content-type', 'authorization', DEVICE_HEADER],
    exposeHeaders: ['set-auth-token', 'retry-after'],
    credentials: true,
    maxAge: 600,
  });
}
