import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { loadConfig } from '../../backend/src/config';
import { createLogger } from '../../backend/src/logger';
import { startBackend, type RunningBackend } from '../../backend/src/start';
import type { Poller } from '../../backend/src/watch/poller';
import { startFakeResend, type CapturedEmail, type FakeResend } from '../fakes/resend/server';
import { startFakeTwilio, type FakeTwilio } from '../fakes/twilio/server';

/** A free TCP port on 127.0.0.1 (PUBLIC_URL must name the real port before the server starts). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export type TestBackend = {
  url: string;
  dir: string;
  backend: RunningBackend;
  /** Emails the backend sent, as the fake Resend server received them (oldest first). */
  emails(): Promise<CapturedEmail[]>;
  /** The newest email to `to` whose subject matches. */
  lastEmail(to: string, subject?: RegExp): Promise<CapturedEmail>;
  /** The fake Resend server (inject failures with `POST ${resend.url}/__fake/fail-next`). */
  resend: FakeResend;
  /** The fake Twilio server, when started with `twilio: true` (its env is passed to the backend). */
  twilio: FakeTwilio | null;
  /** The server's Case.net poller; throws when watching is off (no CASENET_BASE_URL). */
  poller(): Poller;
  close(): Promise<void>;
};

/**
 * The real backend on 127.0.0.1 with a real libsql file in a temp folder, sending email through the
 * real `resend` SDK to a local fake Resend server. `env` overrides any variable; `logTo` captures
 * the log at debug level; `dir` reuses a data folder (a restart), left in place on close; `port`
 * (with `dir`) brings a stopped backend back at the same address.
 */
export async function startTestBackend(opts: { env?: Record<string, string>; dir?: string; logTo?: Writable; twilio?: boolean; port?: number } = {}): Promise<TestBackend> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'dw-backend-'));
  const resend = await startFakeResend();
  const twilio = opts.twilio ? await startFakeTwilio() : null;
  const port = opts.port ?? (await freePort());
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: `file:${join(dir, 'docketwatch.db')}`,
    RESEND_API_KEY: resend.apiKey,
    RESEND_BASE_URL: resend.url,
    LOG_LEVEL: 'silent',
    AUTH_RATE_LIMIT: '1000',
    ...twilio?.env,
    ...opts.env,
  });
  const backend = await startBackend(config, opts.logTo ? createLogger('debug', opts.logTo) : createLogger(config.logLevel));
  const emails = async () => [...resend.emails];
  return {
    url: backend.url,
    dir,
    backend,
    emails,
    lastEmail: resend.lastEmail,
    resend,
    twilio,
    poller: () => {
      const p = backend.services.watch.poller;
      if (!p) throw new Error('poller off: start the backend with CASENET_BASE_URL');
      return p;
    },
    async close() {
      await backend.close();
      await resend.close();
      await twilio?.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
