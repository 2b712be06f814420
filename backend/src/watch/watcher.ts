import type pino from 'pino';
import { PoliteQueue } from '../../../shared/schedule';
import type { Config } from '../config';
import type { Db } from '../db/connection';
import type { AlertSink } from './alerts';
import { Poller } from './poller';
import { serverFetch } from './server-fetch';
import { WatchStore } from './watch-store';

/** How often the watcher looks for due cases. */
export const WATCH_TICK_MS = 5_000;

/** The watcher's tick: WATCH_TICK_MS, or the polling interval when POLL_INTERVAL_SECONDS sets a shorter one (development, tests). */
export const watchTickMs = (intervalSeconds: number | undefined): number => Math.min(WATCH_TICK_MS, (intervalSeconds ?? Infinity) * 1000);

export type Watcher = { store: WatchStore; poller: Poller | null };

/** The watch list always; the poller only when CASENET_BASE_URL is set. */
export function createWatcher(deps: { config: Config; db: Db; sink: AlertSink; logger: pino.Logger; now?: () => number }): Watcher {
  const store = new WatchStore(deps.db);
  const poll = deps.config.poll;
  if (!poll) return { store, poller: null };
  const userAgent = `DocketWatch/0.1 (+${deps.config.publicUrl}; docket alerts for people who track their cases)`;
  return {
    store,
    poller: new Poller({
      db: deps.db,
      store,
      fetch: serverFetch({ baseUrl: poll.baseUrl, userAgent }),
      queue: new PoliteQueue({ spacingMs: poll.spacingMs, jitterMs: Math.floor(poll.spacingMs / 2) }),
      sink: deps.sink,
      logger: deps.logger.child({ component: 'poller' }),
      now: deps.now ?? Date.now,
      intervalSeconds: poll.intervalSeconds,
      timeoutMs: poll.timeoutMs,
      shard: poll.shard,
    }),
  };
}
