import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { CaseSource } from '../shared/casenet/types';
import { loadConfig } from '../backend/src/config';
import { openDatabase } from '../backend/src/db/connection';
import { inTransaction } from '../backend/src/db/transaction';
import { createLogger } from '../backend/src/logger';
import { createServices, type Services } from '../backend/src/services';

// Shared set-up of the watch benchmarks (bench/watch-*.ts): the Case.net simulator in a child
// process (so its CPU is not counted as the backend's), and the backend's services over a real
// libsql file, seeded through the production stores (better-auth's user adapter, CaseStore).

/** Progress of long steps, on stderr (stdout is the report). */
export const progress = (message: string): void => {
  process.stderr.write(`[bench watch] ${message}\n`);
};

/** A Node child process running a TypeScript file (tsx), and the first stdout line that matched `ready`. */
type Child = { match: RegExpExecArray; lines: AsyncIterator<string>; send(line: string): void; close(): Promise<void> };

async function spawnChild(args: string[], ready: RegExp): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const failed = exited.then(() => {
    throw new Error(`${args[0]} exited before it was ready`);
  });
  failed.catch(() => undefined); // once ready, a later exit (close) is no error
  for (;;) {
    const next = await Promise.race([lines.next(), failed]);
    if (next.done) throw new Error(`${args[0]} closed its output before it was ready`);
    const match = ready.exec(next.value);
    if (match) {
      return {
        match,
        lines,
        send: (line) => void child.stdin.write(`${line}\n`),
        close: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
  }
}

export type SimChild = { url: string; close(): Promise<void> };

/** The simulator (no seeded cases, `generated` made-up ones) in its own Node process. */
export async function startSimChild(generated: number): Promise<SimChild> {
  const child = await spawnChild(['tests/fakes/casenet-sim/cli.ts', '--port', '0', '--no-seed', '--generated', String(generated)], /listening on (http:\/\/\S+)/);
  return { url: child.match[1] ?? '', close: child.close };
}

/** A new docket entry on a case of the simulator, through its control API (what a clerk's filing looks like to the poller). */
export async function addSimEntry(simUrl: string, courtId: string, caseNumber: string, entry: { date: string; title: string; text?: string }): Promise<void> {
  const res = await fetch(`${simUrl}/__sim/cases/${encodeURIComponent(courtId)}/${encodeURIComponent(caseNumber)}/entries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(entry),
  });
  if (res.status !== 201) throw new Error(`adding an entry to ${caseNumber}: ${res.status} ${await res.text()}`);
}

export type ResendChild = { url: string; apiKey: string; stats(): Promise<{ requests: number; emails: number; keys: (string | null)[] }>; close(): Promise<void> };

/** The fake Resend server (tests/fakes/resend) in its own Node process (bench/resend-child.ts). */
export async function startResendChild(): Promise<ResendChild> {
  const child = await spawnChild(['bench/resend-child.ts'], /listening on (http:\/\/\S+) key (\S+)/);
  return {
    url: child.match[1] ?? '',
    apiKey: child.match[2] ?? '',
    stats: async () => {
      child.send('stats');
      for (;;) {
        const next = await child.lines.next();
        if (next.done) throw new Error('the fake Resend process closed its output');
        if (next.value.startsWith('stats ')) return JSON.parse(next.value.slice('stats '.length)) as Awaited<ReturnType<ResendChild['stats']>>;
      }
    },
    close: child.close,
  };
}

export type BenchBackend = { services: Services; dir: string; close(): void };

/** The backend's services (no HTTP listener, no background loops) over a fresh libsql file. */
export async function benchServices(env: Record<string, string>): Promise<BenchBackend> {
  const dir = mkdtempSync(join(tmpdir(), 'dw-bench-watch-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: `file:${join(dir, 'docketwatch.db')}`,
    LOG_LEVEL: 'silent',
    NOTIFY_INTERVAL_MS: '0',
    ...env,
  });
  const db = openDatabase(config.databaseUrl);
  const services = await createServices(config, db, createLogger('silent'));
  return {
    services,
    dir,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `n` verified accounts through better-auth's own user adapter (what sign-up + email confirmation leave). */
export async function seedUsers(services: Services, n: number, prefix: string): Promise<string[]> {
  const ctx = await services.auth.$context;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const user = await ctx.internalAdapter.createUser({ email: `${prefix}-${i}@example.com`, name: `${prefix} ${i}`, emailVerified: true }, { method: 'admin' });
    ids.push(user.id);
    if ((i + 1) % 2_000 === 0) progress(`${i + 1} users`);
  }
  return ids;
}

/** The old-page source of a case, as the extension records it. */
export const oldSource = (courtId: string, caseNumber: string): CaseSource => ({ origin: 'https://www.courts.mo.gov', base: 'casenet', generation: 'old', courtId, caseNumber });

/** Track cases for a user (CaseStore, as a sync push or REST PUT writes them), in one transaction. */
export function trackCases(services: Services, userId: string, cases: { key: string; courtId: string; caseNumber: string; caption: string; source: CaseSource }[], now: number): void {
  inTransaction(services.db, () => {
    for (const c of cases) {
      services.cases.revive(userId, c.key, c.courtId.replace(/^[A-Z]+DB\d+_/, ''), c.caseNumber, now);
      services.cases.update(userId, c.key, { caption: c.caption, saved: true, tracked: true, source: c.source }, now);
    }
  });
}

/** Peak resident set size of this process so far (Linux getrusage maxRSS is in kB). */
export const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;
