import { Hono } from 'hono';
import type pino from 'pino';
import type { Config } from './config';
import type { Db } from './db/connection';

export type AppDeps = { config: Config; db: Db; logger: pino.Logger };

/** Every error leaves the API in one JSON shape. */
export type ErrorBody = { error: { code: string; message: string } };
const errorBody = (code: string, message: string): ErrorBody => ({ error: { code, message } });

/** Build the HTTP app (no port: tests call `app.request()`); `server.ts` is the only listener. */
export function buildApp({ db, logger }: AppDeps): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => {
    db.prepare('SELECT 1').get();
    return c.json({ ok: true, service: 'docket-watch', time: new Date().toISOString() });
  });
  app.notFound((c) => c.json(errorBody('NOT_FOUND', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404));
  app.onError((err, c) => {
    logger.error({ err: { message: err.message, name: err.name } }, 'unhandled error');
    return c.json(errorBody('INTERNAL', 'Internal error'), 500);
  });
  return app;
}
