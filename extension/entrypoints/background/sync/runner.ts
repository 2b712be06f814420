import { backoffDelay } from '../../../../shared/schedule';
import { syncOnce } from '../../../../shared/sync/engine';
import { AccountError } from '../../../lib/account/http';
import { watchClient } from '../../../lib/account/watch-client';
import type { SyncState } from '../../../lib/protocol';
import { currentSession, isRevoked, SIGNED_OUT_NOTICE, type AccountDeps } from '../account';
import { refreshBadge } from '../alerts';
import type { Ctx } from '../context';
import { pullServerChecks } from '../server-checks';
import { enableSync, signOutLocally } from './lifecycle';
import { DexieReplica } from './replica';
import { clientIdOf, syncEnabled, syncStatus, updateSyncStatus } from './state';
import { httpSyncTransport } from './transport';

export const SYNC_ALARM = 'docket-watch-sync';
export const SYNC_ALARM_MINUTES = 5;
/** Changes made within this long of each other go to the server together. */
const DEBOUNCE_MS = 1_000;
/** Retries after a failed round: full jitter under 5 s · 2^n, at most 5 minutes (then the alarm takes over). */
const RETRY = { baseMs: 5_000, capMs: 5 * 60_000 };
/**
 * A round after a local change reads the server's check state (GET /api/v1/watch, the whole list of
 * tracked cases) only if the last read is this old: a burst of note edits does not fetch it again and
 * again; the server reads a case every 15 minutes at the most often anyway.
 */
const SERVER_CHECKS_EVERY_MS = 60_000;

export type SyncRunnerDeps = AccountDeps & { random?: () => number };

/**
 * Runs sync rounds in the background, one at a time: soon after a local change (debounced), on
 * demand ("Sync now", start-up, the alarm), and again with backoff after a network or server
 * failure. A refused token signs this browser out. Timers live only as long as the worker; the
 * alarm and start-up cover a worker that was stopped.
 */
export class SyncRunner {
  private running: Promise<void> | null = null;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  /** No automatic round before this time (backoff); "Sync now" ignores it. */
  private retryAt = 0;
  /** A round that also reads the server's check state is due (any round not started by a local change). */
  private full = false;
  private serverChecksAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly ctx: Ctx,
    private readonly deps: SyncRunnerDeps,
  ) {}

  /** A local change was queued: sync in a second, or when the backoff ends if that is later. */
  soon(): void {
    this.schedule(Math.max(DEBOUNCE_MS, this.retryAt - this.ctx.now()), true);
  }

  /**
   * Run a round now; one already running gets one more round after it. Resolves when all are done.
   * `light`: started by a local change (see SERVER_CHECKS_EVERY_MS).
   */
  run(opts: { light?: boolean } = {}): Promise<void> {
    if (!opts.light) this.full = true;
    this.cancelTimer();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        const full = this.full;
        this.full = false;
        await this.round(full).catch((err: unknown) => console.warn('Docket Watch: sync round failed', err));
      } while (this.again);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Resolves once no round is running (after a timer fired, say). */
  async idle(): Promise<void> {
    await this.running;
  }

  /** Worker start: a folder signed in before sync existed joins it (a merge), then a round runs. */
  async start(): Promise<void> {
    if ((await syncEnabled(this.ctx.db)) === null && (await currentSession(this.ctx, this.deps.store)).session) await enableSync(this.ctx);
    await this.run();
  }

  async state(): Promise<SyncState> {
    const { db } = this.ctx;
    const [enabled, status, pending] = await Promise.all([syncEnabled(db), syncStatus(db), db.outbox.count()]);
    return { enabled: enabled === true, running: this.running !== null, pending, ...status };
  }

  private schedule(delayMs: number, light = false): void {
    this.cancelTimer();
    this.timer = setTimeout(() => void this.run({ light }), delayMs);
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async round(full: boolean): Promise<void> {
    const { ctx, deps } = this;
    if ((await syncEnabled(ctx.db)) !== true) return;
    const { server, session } = await currentSession(ctx, deps.store);
    if (!session) {
      await updateSyncStatus(ctx.db, { lastError: `Sync is paused: this browser is not signed in to ${server}.` });
      return;
    }
    try {
      const opts = { baseUrl: server, deviceId: await deps.store.deviceId(), fetch: deps.fetch };
      const clientId = await clientIdOf(ctx.db);
      const replica = new DexieReplica(ctx, clientId);
      const report = await syncOnce(replica, httpSyncTransport(opts, session.token, clientId)).finally(() =>
        replica.announceFresh().catch((err: unknown) => console.warn('Docket Watch: could not announce pulled alerts', err)),
      );
      this.failures = 0;
      this.retryAt = 0;
      const refused = report.rejected[0];
      await updateSyncStatus(ctx.db, {
        lastSyncedAt: ctx.now(),
        lastError: refused ? `The sync server refused ${report.rejected.length === 1 ? 'a change' : `${report.rejected.length} changes`}: ${refused.message}` : null,
        ...(report.pulled > 0 ? { pulledAt: ctx.now() } : {}),
      });
      if (report.pulled > 0) await refreshBadge(ctx);
      // The server's own reads of the tracked cases, for the status lines; a failure here is not a sync failure.
      if (full || ctx.now() - this.serverChecksAt >= SERVER_CHECKS_EVERY_MS) {
        this.serverChecksAt = ctx.now();
        await pullServerChecks(ctx, watchClient(opts, session.token)).catch((err: unknown) => console.warn('Docket Watch: could not read the server check state', err));
      }
    } catch (err) {
      if (isRevoked(err)) return signOutLocally(ctx.db, deps.store, SIGNED_OUT_NOTICE);
      await updateSyncStatus(ctx.db, { lastError: err instanceof Error ? err.message : String(err) });
      if (isTransient(err)) {
        const delay = backoffDelay(this.failures++, { ...RETRY, random: deps.random });
        this.retryAt = ctx.now() + delay;
        this.schedule(delay);
      }
    }
  }
}

/** Worth retrying by itself: no answer, rate limited, or a server error. */
function isTransient(err: unknown): boolean {
  return err instanceof AccountError && (err.status === null || err.status === 429 || err.status >= 500);
}
