import type { AppDb } from '../../lib/db/app-db';
import type { FetchCasenet } from '../../lib/browser/fetch';
import type { NotificationInput } from '../../lib/browser/notifications';
import type { PoliteQueue } from '../../../shared/schedule';

/**
 * Everything background logic touches outside itself. Production wiring passes the browser
 * adapters (see index.ts); tests pass fake-indexeddb, a fake fetch and recording fakes.
 */
export type Ctx = {
  db: AppDb;
  now: () => number;
  fetchCasenet: FetchCasenet;
  /** The one polite queue: every Case.net request of the extension goes through it. */
  queue: PoliteQueue;
  notify: (n: NotificationInput) => Promise<void>;
  setBadge: (count: number) => Promise<void>;
  openTab: (url: string) => Promise<void>;
  /** Run follow-up work after answering (e.g. fetch a docket after Save); tests await it. */
  defer: (task: () => Promise<unknown>) => void;
  /** A synced change was queued: run a sync round soon (debounced; a no-op while signed out). */
  syncSoon: () => void;
};
