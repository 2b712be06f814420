import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './backend';

/**
 * The backend as its own process, the way `npm run backend` runs it (`node --import tsx
 * backend/src/server.ts`), on 127.0.0.1 with a libsql file in a temp folder. It can be killed with
 * any signal and started again on the same file and port (`start()` after `kill()`), optionally
 * with the fake clock preloaded (tests/support/fake-clock.mjs: `clock` below).
 *
 * `env` is the backend's environment on top of test defaults (NODE_ENV=test, LOG_LEVEL=info so
 * `waitForLog` works, AUTH_RATE_LIMIT=1000); pass `RESEND_*`, `TWILIO_*`, `CASENET_BASE_URL`, …
 * yourself. The process never gets HTTP(S)_PROXY variables, so nothing leaves 127.0.0.1 by accident.
 */
export type BackendProcessOptions = {
  env?: Record<string, string>;
  /** Reuse a data folder (left in place by `cleanup()`); default a new temp folder. */
  dir?: string;
  /** Default: a free port, kept across restarts. */
  port?: number;
  /** Preload the fake clock; its variables (DW_FAKE_NOW, DW_CLOCK_SPEED, …) go in `env` or here. */
  clock?: { fakeNow?: string; offsetMs?: number; speed?: number };
};

export type BackendProcess = {
  url: string;
  port: number;
  dir: string;
  /** The running child, or null when stopped. */
  readonly child: ChildProcess | null;
  /** Start (or start again after a kill) with the same data folder and port; resolves once `/healthz` answers. `env` adds to / replaces the first environment. */
  start(env?: Record<string, string>, clock?: BackendProcessOptions['clock'] | null): Promise<void>;
  /** Send `signal` (default SIGKILL) and wait for the process to be gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Every line the process wrote (stdout and stderr) since it was created, across restarts. */
  output(): string;
  /** Resolves with the first log line (from now on, or already written when `since` is given) matching `re`. */
  waitForLog(re: RegExp, opts?: { timeoutMs?: number; since?: number }): Promise<string>;
  /** How many lines have been written so far (a `since` mark for waitForLog). */
  lines(): number;
  /** Jump the fake clock to `at` and/or change its speed; resolves once the process has applied it. */
  setClock(order: { at?: string; speed?: number }): Promise<void>;
  /** The backend's own idea of now (its `/healthz` time). */
  now(): Promise<number>;
  /** Kill (SIGKILL) if running and remove the temp folder (unless `dir` was given). */
  cleanup(): Promise<void>;
};

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FAKE_CLOCK = join(ROOT, 'tests/support/fake-clock.mjs');

export async function spawnBackend(opts: BackendProcessOptions = {}): Promise<BackendProcess> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'dw-proc-'));
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const controlFile = join(dir, 'clock.json');
  let baseEnv = { ...opts.env };
  let clock = opts.clock ?? null;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  const lines: string[] = [];
  const waiters: { re: RegExp; done: (line: string) => void }[] = [];
  let clockSeq = 0;

  const onLine = (line: string) => {
    lines.push(line);
    for (const w of [...waiters]) {
      if (w.re.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.done(line);
      }
    }
  };
  const pipe = (stream: NodeJS.ReadableStream | null) => {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const p of parts) onLine(p);
    });
    stream?.on('end', () => {
      if (rest) onLine(rest);
      rest = '';
    });
  };

  const waitForLog: BackendProcess['waitForLog'] = (re, o = {}) => {
    const already = o.since === undefined ? undefined : lines.slice(o.since).find((l) => re.test(l));
    if (already !== undefined) return Promise.resolve(already);
    return new Promise((done, fail) => {
      const waiter = {
        re,
        done: (line: string) => {
          clearTimeout(timer);
          done(line);
        },
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        fail(new Error(`no log line matching ${re} within ${o.timeoutMs ?? 15_000} ms; last lines:\n${lines.slice(-20).join('\n')}`));
      }, o.timeoutMs ?? 15_000);
      waiters.push(waiter);
    });
  };

  const start: BackendProcess['start'] = async (env, nextClock) => {
    if (child) throw new Error('the backend process is already running');
    if (env) baseEnv = { ...baseEnv, ...env };
    if (nextClock !== undefined) clock = nextClock;
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(https?_proxy|all_proxy|no_proxy|DW_|NODE_OPTIONS$)/i.test(k)));
    const clockEnv: Record<string, string> = clock
      ? {
          DW_CLOCK_CONTROL: controlFile,
          ...(clock.fakeNow ? { DW_FAKE_NOW: clock.fakeNow } : {}),
          ...(clock.offsetMs ? { DW_CLOCK_OFFSET_MS: String(clock.offsetMs) } : {}),
          ...(clock.speed ? { DW_CLOCK_SPEED: String(clock.speed) } : {}),
        }
      : {};
    const proc = spawn(process.execPath, [...(clock ? ['--import', FAKE_CLOCK] : []), '--import', 'tsx', 'backend/src/server.ts'], {
      cwd: ROOT,
      env: {
        ...inherited,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: url,
        DATABASE_URL: `file:${join(dir, 'docketwatch.db')}`,
        LOG_LEVEL: 'info',
        AUTH_RATE_LIMIT: '1000',
        ...clockEnv,
        ...baseEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    pipe(proc.stdout);
    pipe(proc.stderr);
    let gone = false;
    proc.once('error', (err) => onLine(`[backend-process] could not run the backend: ${err.message}`));
    exited = new Promise((done) =>
      proc.once('close', (code, signal) => {
        gone = true;
        onLine(`[backend-process] exited (${signal ?? code})`);
        if (child === proc) child = null;
        done();
      }),
    );
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (gone || !proc.pid) throw new Error(`the backend exited during start (or never ran):\n${lines.slice(-30).join('\n')}`);
      const up = await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`the backend did not answer /healthz within 90 s:\n${lines.slice(-30).join('\n')}`);
  };

  const kill: BackendProcess['kill'] = async (signal = 'SIGKILL') => {
    const proc = child;
    if (!proc) return;
    proc.kill(signal);
    await exited;
  };

  const now: BackendProcess['now'] = async () => {
    const body = (await (await fetch(`${url}/healthz`)).json()) as { time: string };
    return Date.parse(body.time);
  };

  await start();
  return {
    url,
    port,
    dir,
    get child() {
      return child;
    },
    start,
    kill,
    output: () => lines.join('\n'),
    waitForLog,
    lines: () => lines.length,
    async setClock(order) {
      if (!clock) throw new Error('started without the fake clock');
      const seq = ++clockSeq;
      writeFileSync(controlFile, JSON.stringify({ ...order, seq }));
      const applied = waitForLog(new RegExp(`^fake-clock: .*\\(seq ${seq}\\)$`), { timeoutMs: 5_000 });
      child?.kill('SIGUSR2');
      await applied;
    },
    now,
    async cleanup() {
      await kill('SIGKILL');
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Poll `probe` until it returns something other than undefined/false, or fail after `timeoutMs` naming `what`. */
export async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
