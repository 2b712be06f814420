import '../../scripts/check-node.mjs';
import { serve } from '@hono/node-server';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/connection';
import { createLogger } from './logger';

/** The only entry point that opens a port: env → config → database → app → listen. */
function main(): void {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const db = openDatabase(config.databaseUrl, config.databaseAuthToken);
  const app = buildApp({ config, db, logger });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info({ port: info.port, host: config.host, database: config.databaseUrl.replace(/\?.*$/, '') }, 'backend listening');
  });
  const stop = () => {
    server.close();
    db.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
