import type pino from 'pino';
import { fingerprintEntries } from '../../../shared/casenet/fingerprint';
import { docketOf, describeFailure, interpretAnswer, type FetchCasenet } from '../../../shared/casenet/read';
import { docketRequest, type CasenetRequest } from '../../../shared/casenet/urls';
import { assessRefresh, changesOf } from '../../../shared/diff';
import { backoffDelay, cappedExponential, pollInterval, type PoliteQueue } from '../../../shared/schedule';
import type { PollShard } from '../config';
import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';
import { createAlerts, type AlertSink } from './alerts';
import { digestOf, docketDigest } from './docket-digest';
import type { WatchedCase, WatchStore } from './watch-store';

/** Unchanged reads are written together: at most this many, or after this long. */
const SAME_BATCH = 100;
const SAME_DELAY_MS = 1_000;

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
  /** POLL_SHARD: this process's share of the watched cases (all when absent). */
  shard?: PollShard;
};

/**
 * The server's docket watcher: each due case is read once for all its followers, judged with the
 * "never alert on doubt" rules (shared/diff), and an accepted change becomes one alert per follower,
 * handed to the notifier in the same transaction as the new last good docket.
 */
export class Poller {
  private readonly inFlight = new Set<string>();
  private hostFailures = 0;
  /**
   * Per case, the last answer found identical to the stored last good docket: a digest of the
   * request and page, and of the stored docket it matched. The same page again, against the same
   * stored docket, needs no parsing (parsing is a pure function of the page and its URL).
   */
  private readonly samePages = new Map<string, { page: string; docket: string }>();
  /** Unchanged reads whose check times are not written yet (written together, see flushSame). */
  private pendingSame: { key: string; at: number; next: number }[] = [];
  private intervalCache: { minute: number; ms: number } | null = null;
  private readonly requests = new Map<string, { source: string; request: CasenetRequest }>();

  constructor(private readonly deps: PollerDeps) {}

  /** One cycle: refresh the watch list, then check what is due (at most `limit` cases). */
  async pollDue(limit = 500): Promise<CheckOutcome[]> {
    const { store, now } = this.deps;
    this.forget(store.refresh(now()));
    const outcomes: CheckOutcome[] = [];
    try {
      for (const watched of store.due(now(), limit, this.deps.shard)) outcomes.push(await this.check(watched));
    } finally {
      this.flushSame();
    }
    return outcomes;
  }

  /** Check one case now (a user's "check now"); null when nobody tracks it. */
  async checkNow(key: string): Promise<CheckOutcome | null> {
    this.flushSame();
    this.forget(this.deps.store.refresh(this.deps.now()));
    const watched = this.deps.store.get(key);
    if (!watched) return null;
    try {
      return await this.check(watched);
    } finally {
      this.flushSame();
    }
  }

  /**
   * Write the check times of unchanged reads, many in one transaction (one commit instead of one
   * per case). Always before any other write of the watch list, so later writes win; at the latest
   * after SAME_BATCH cases or SAME_DELAY_MS, and at the end of every pollDue / checkNow.
   */
  private flushSame(): void {
    if (this.pendingSame.length === 0) return;
    const pending = this.pendingSame;
    this.pendingSame = [];
    this.deps.store.recordSameMany(pending);
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
    const request = this.requestFor(watched);
    // What is stored before the read: another process (POLL_SHARD, or a user's "check now" served by
    // another process) may store a newer read of the same case while this one is on the way.
    const digestBefore = store.docketDigest(watched.key);
    const answer = await queue.run(() => this.deps.fetch(request, { timeoutMs: this.deps.timeoutMs }));
    const pageDigest = answer.ok && answer.status >= 200 && answer.status < 300 ? digestOf([request.method, request.url, request.body ?? '', watched.source.courtId, watched.source.caseNumber, answer.text]) : null;
    const same = pageDigest === null ? undefined : this.samePages.get(watched.key);
    const storedDigest = store.docketDigest(watched.key);
    if (storedDigest !== digestBefore) return this.overtaken(watched);
    if (same !== undefined && same.page === pageDigest && storedDigest !== null && same.docket === storedDigest) {
      // The very page that last matched the stored docket, which is still what is stored: the
      // parse and the verdict would be the same as then ("accepted, no changes").
      this.trackHost(true, null);
      return this.unchanged(watched);
    }
    const { result, pauseUntil } = interpretAnswer(answer, request, watched.source, watched.failures, now());
    this.trackHost(answer.ok && answer.status < 500 && answer.status !== 429, pauseUntil);
    const read = docketOf(result);
    if (!read.ok) return this.fail(watched, describeFailure('docket', read), null);
    if (read.page.caseNumber.trim().toUpperCase() !== watched.source.caseNumber.toUpperCase()) {
      return this.fail(watched, `could not read the docket: Case.net answered with case ${read.page.caseNumber.slice(0, 40)} instead`, null);
    }
    const readDigest = docketDigest(fingerprintEntries(read.page.entries), read.page.entries.map((e) => JSON.stringify(e)));
    if (storedDigest !== null && readDigest === storedDigest) {
      if (pageDigest !== null) this.samePages.set(watched.key, { page: pageDigest, docket: readDigest });
      return this.unchanged(watched);
    }
    this.samePages.delete(watched.key);
    this.flushSame();
    const verdict = assessRefresh(store.entries(watched.key), read.page.entries, { quarantineToken: watched.quarantine });
    if (!verdict.ok) return this.fail(watched, verdict.message, verdict.token);

    const t = now();
    const changes = verdict.baseline ? [] : changesOf(verdict.diff);
    const written = inTransaction(db, () => {
      // Checked again inside the write: transactions are serialised across processes.
      if (store.docketDigest(watched.key) !== digestBefore) return null;
      const stored = store.recordGood(watched.key, verdict.entries, t, t + this.interval(t));
      const ids = changes.length ? createAlerts(db, watched.key, changes, store.followers(watched.key), 'server', t) : [];
      if (ids.length) sink.enqueue(ids, t);
      return { stored, ids };
    });
    if (written === null) return this.overtaken(watched);
    const alertIds = written.ids;
    // What is stored now is this page's docket: the same page next time is unchanged.
    if (pageDigest !== null) this.samePages.set(watched.key, { page: pageDigest, docket: written.stored });
    if (changes.length) logger.info({ caseKey: watched.key, changes: changes.length, alerts: alertIds.length }, 'docket changed');
    const message = verdict.baseline ? 'First read: this docket is the baseline.' : changes.length === 0 ? 'No new docket entries.' : `${changes.length} docket change${changes.length === 1 ? '' : 's'}.`;
    return { key: watched.key, ok: true, message, alerts: alertIds.length };
  }

  /** Cases nobody tracks any more: nothing is kept about them here either. */
  private forget(keys: readonly string[]): void {
    for (const key of keys) {
      this.samePages.delete(key);
      this.requests.delete(key);
    }
  }

  /**
   * Another process stored a read of this case after this one was sent: that one stands (this
   * answer may be older than it), nothing is written, nobody is alerted from this one.
   */
  private overtaken(watched: WatchedCase): CheckOutcome {
    this.samePages.delete(watched.key);
    this.deps.logger.info({ caseKey: watched.key }, 'another process stored a read of this case meanwhile; this one is dropped');
    return { key: watched.key, ok: true, message: 'Another server process checked this case a moment ago; its result stands.', alerts: 0 };
  }

  /** pollInterval, computed once a minute: the schedule changes on whole hours (Central time), so within a minute it is the same. */
  private interval(t: number): number {
    const minute = Math.floor(t / 60_000);
    if (this.intervalCache?.minute !== minute) this.intervalCache = { minute, ms: pollInterval(t, this.deps.intervalSeconds) };
    return this.intervalCache.ms;
  }

  /** The docket request of a case, built once per source (building one validates the source). */
  private requestFor(watched: WatchedCase): CasenetRequest {
    const source = JSON.stringify(watched.source);
    const known = this.requests.get(watched.key);
    if (known?.source === source) return known.request;
    const request = docketRequest(watched.source);
    this.requests.set(watched.key, { source, request });
    return request;
  }

  /**
   * A good read identical to the last good docket: the verdict would be "accepted, no changes" and
   * recordGood would write back what is stored, so only the check times are written (batched).
   */
  private unchanged(watched: WatchedCase): CheckOutcome {
    const t = this.deps.now();
    this.pendingSame.push({ key: watched.key, at: t, next: t + this.interval(t) });
    const first = this.pendingSame[0];
    if (this.pendingSame.length >= SAME_BATCH || (first !== undefined && t - first.at >= SAME_DELAY_MS)) this.flushSame();
    return { key: watched.key, ok: true, message: 'No new docket entries.', alerts: 0 };
  }

  private fail(watched: WatchedCase, message: string, quarantine: string | null): CheckOutcome {
    this.samePages.delete(watched.key);
    this.flushSame();
    const t = this.deps.now();
    const interval = this.interval(t);
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
