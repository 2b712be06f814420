import { serve, type ServerType } from '@hono/node-server';
import type pino from 'pino';
import { buildApp } from './app';
import type { Config } from './config';
import { openDatabase } from './db/connection';
import { createServices, type Services } from './services';

export type RunningBackend = { url: string; port: number; services: Services; close(): Promise<void> };

/** Open the database, build the services and listen. Used by server.ts and by tests (port 0). */
export async function startBackend(config: Config, logger: pino.Logger): Promise<RunningBackend> {
  const db = openDatabase(config.databaseUrl, config.databaseAuthToken);
  const services = await createServices(config, db, logger);
  const app = buildApp(services);
  const server: ServerType = await new Promise((resolveServer) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolveServer(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, host: config.host, database: config.databaseUrl.replace(/\?.*$/, ''), mail: config.mail.kind }, 'backend listening');
  return {
    url: `http://${config.host}:${port}`,
    port,
    services,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => {
          db.close();
          done();
        });
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
