import '../../scripts/check-node.mjs';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startBackend } from './start';

/** The backend's command: env → config → database → app → listen, until SIGINT/SIGTERM. */
async function main(): Promise<void> {
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
  const backend = await startBackend(config, logger);
  if (config.mail.kind === 'dev-outbox') logger.info(`no RESEND_API_KEY: emails are listed at ${backend.url}/dev/outbox`);
  const stop = () => void backend.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
