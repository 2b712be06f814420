import type pino from 'pino';
import { docketOf, describeFailure, interpretAnswer, type FetchCasenet } from '../../../shared/casenet/read';
import { docketRequest } from '../../../shared/casenet/urls';
import { assessRefresh, changesOf } from '../../../shared/diff';
import { backoffDelay, cappedExponential, pollInterval, type PoliteQueue } from '../../../shared/schedule';
import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';
import { createAlerts, type AlertSink } from './alerts';
import type { WatchedCase, WatchStore } from './watch-store';

export type CheckOutcome = { key: string; ok: boolean; message: string; alerts: number };

/** After this many failures in a row from Case.net (network, 429, 5xx), stop asking for a while. */
const BREAKER_THRESHOLD = 5;
const BREAKER_BASE_MS = 60_000;
const BREAKER_CAP_MS = 60 * 60_000;

export type PollerDeps = {
  db: Db;
  store: WatchStore;
  fetch: FetchCasenet;
  /** One polite queue for Case.net: one request at a time, spaced, with jitter. */
  queue: PoliteQueue;
  sink: AlertSink;
  logger: pino.Logger;
  now: () => number;
  /** POLL_INTERVAL_SECONDS: replaces the court-hours schedule (development, tests). */
  intervalSeconds?: number;
  /** How long to wait for one answer (CASENET_TIMEOUT_MS). */
  timeoutMs: number;
};

/**
 * The server's docket watcher: each due case is read once for all its followers, judged with the
 * "never alert on doubt" rules (shared/diff), and an accepted change becomes one alert per follower,
 * handed to the notifier in the same transaction as the new last good docket.
 */
export class Poller {
  private readonly inFlight = new Set<string>();
  private hostFailures = 0;

  constructor(private readonly deps: PollerDeps) {}

  /** One cycle: refresh the watch list, then check what is due (at most `limit` cases). */
  async pollDue(limit = 500): Promise<CheckOutcome[]> {
    const { store, now } = this.deps;
    store.refresh(now());
    const outcomes: CheckOutcome[] = [];
    for (const watched of store.due(now(), limit)) outcomes.push(await this.check(watched));
    return outcomes;
  }

  /** Check one case now (a user's "check now"); null when nobody tracks it. */
  async checkNow(key: string): Promise<CheckOutcome | null> {
    this.deps.store.refresh(this.deps.now());
    const watched = this.deps.store.get(key);
    return watched ? this.check(watched) : null;
  }

  private async check(watched: WatchedCase): Promise<CheckOutcome> {
    if (this.inFlight.has(watched.key)) return { key: watched.key, ok: true, message: 'Already being checked.', alerts: 0 };
    this.inFlight.add(watched.key);
    try {
      return await this.read(watched);
    } finally {
      this.inFlight.delete(watched.key);
    }
  }

  private async read(watched: WatchedCase): Promise<CheckOutcome> {
    const { queue, store, db, sink, logger, now } = this.deps;
    const request = docketRequest(watched.source);
    const answer = await queue.run(() => this.deps.fetch(request, { timeoutMs: this.deps.timeoutMs }));
    const { result, pauseUntil } = interpretAnswer(answer, request, watched.source, watched.failures, now());
    this.trackHost(answer.ok && answer.status < 500 && answer.status !== 429, pauseUntil);
    const read = docketOf(result);
    if (!read.ok) return this.fail(watched, describeFailure('docket', read), null);
    if (read.page.caseNumber.trim().toUpperCase() !== watched.source.caseNumber.toUpperCase()) {
      return this.fail(watched, `could not read the docket: Case.net answered with case ${read.page.caseNumber.slice(0, 40)} instead`, null);
    }
    const verdict = assessRefresh(store.entries(watched.key), read.page.entries, { quarantineToken: watched.quarantine });
    if (!verdict.ok) return this.fail(watched, verdict.message, verdict.token);

    const t = now();
    const changes = verdict.baseline ? [] : changesOf(verdict.diff);
    const alertIds = inTransaction(db, () => {
      store.recordGood(watched.key, verdict.entries, t, t + pollInterval(t, this.deps.intervalSeconds));
      const ids = changes.length ? createAlerts(db, watched.key, changes, store.followers(watched.key), 'server', t) : [];
      if (ids.length) sink.enqueue(ids, t);
      return ids;
    });
    if (changes.length) logger.info({ caseKey: watched.key, changes: changes.length, alerts: alertIds.length }, 'docket changed');
    const message = verdict.baseline ? 'First read: this docket is the baseline.' : changes.length === 0 ? 'No new docket entries.' : `${changes.length} docket change${changes.length === 1 ? '' : 's'}.`;
    return { key: watched.key, ok: true, message, alerts: alertIds.length };
  }

  private fail(watched: WatchedCase, message: string, quarantine: string | null): CheckOutcome {
    const t = this.deps.now();
    const interval = pollInterval(t, this.deps.intervalSeconds);
    const next = t + Math.max(interval, backoffDelay(watched.failures, { baseMs: interval }));
    this.deps.store.recordFailure(watched.key, message, quarantine, t, next);
    this.deps.logger.info({ caseKey: watched.key, reason: message }, 'docket not accepted; last good copy kept, nobody alerted');
    return { key: watched.key, ok: false, message: message.charAt(0).toUpperCase() + message.slice(1), alerts: 0 };
  }

  /** Circuit breaker: repeated host failures pause every request for a growing while. */
  private trackHost(healthy: boolean, pauseUntil: number | null): void {
    const { queue, now, logger } = this.deps;
    if (pauseUntil !== null) queue.pauseUntil(pauseUntil);
    this.hostFailures = healthy ? 0 : this.hostFailures + 1;
    if (this.hostFailures >= BREAKER_THRESHOLD) {
      const ms = cappedExponential(this.hostFailures - BREAKER_THRESHOLD, BREAKER_BASE_MS, BREAKER_CAP_MS);
      queue.pauseUntil(now() + ms);
      logger.warn({ failures: this.hostFailures, pauseMs: ms }, 'Case.net keeps failing: pausing all requests');
    }
  }
}
