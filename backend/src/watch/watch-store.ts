import type { Fingerprinted } from '../../../shared/diff';
import type { CaseSource, DocketEntry } from '../../../shared/casenet/types';
import { CaseSource as CaseSourceSchema } from '../../../shared/casenet/types';
import { hash64 } from '../../../shared/casenet/fingerprint';
import type { PollShard } from '../config';
import type { Db } from '../db/connection';
import { inTransaction } from '../db/transaction';
import { docketDigest } from './docket-digest';

export type WatchedCase = {
  key: string;
  source: CaseSource;
  baselineAt: number | null;
  quarantine: string | null;
  lastCheckedAt: number | null;
  lastError: string | null;
  failures: number;
  nextCheckAt: number;
};

type Row = { case_key: string; source: string; baseline_at: number | null; quarantine: string | null; last_checked_at: number | null; last_error: string | null; failures: number; next_check_at: number };

const toWatched = (r: Row): WatchedCase => ({
  key: r.case_key,
  source: CaseSourceSchema.parse(JSON.parse(r.source)),
  baselineAt: r.baseline_at === null ? null : Number(r.baseline_at),
  quarantine: r.quarantine,
  lastCheckedAt: r.last_checked_at === null ? null : Number(r.last_checked_at),
  lastError: r.last_error,
  failures: Number(r.failures),
  nextCheckAt: Number(r.next_check_at),
});

/** A well-spread 32-bit number from a case key: which poller's share the case is in (POLL_SHARD). */
const shardHash = (key: string): number => Number.parseInt(hash64(key).slice(-8), 16);

/** A case tracked without a known source is read from the old pages on www.courts.mo.gov. */
export function defaultSource(courtId: string, caseNumber: string): CaseSource {
  return { origin: 'https://www.courts.mo.gov', base: 'casenet', generation: 'old', courtId, caseNumber };
}

/**
 * The server's watch list: the union of every user's tracked cases (one row per case, however many
 * follow it), the last good docket of each, and when each is due.
 */
export class WatchStore {
  private readonly s;
  /** Whether cases watched before migration 7 have their shard hash (filled by the first refresh). */
  private hashesFilled = false;

  constructor(private readonly db: Db) {
    // Prepared once: a poll cycle runs these for every watched case.
    this.s = {
      get: db.prepare('SELECT * FROM watched_case WHERE case_key = ?'),
      baselineAt: db.prepare('SELECT baseline_at FROM watched_case WHERE case_key = ?'),
      digest: db.prepare('SELECT docket_digest FROM watched_case WHERE case_key = ?'),
      setDigest: db.prepare('UPDATE watched_case SET docket_digest = ? WHERE case_key = ?'),
      stored: db.prepare('SELECT entry FROM watched_entry WHERE case_key = ? ORDER BY position'),
      seen: db.prepare('SELECT fingerprint, first_seen_at FROM watched_entry WHERE case_key = ?'),
      deleteEntries: db.prepare('DELETE FROM watched_entry WHERE case_key = ?'),
      insertEntry: db.prepare('INSERT INTO watched_entry (case_key, fingerprint, position, entry, first_seen_at) VALUES (?, ?, ?, ?, ?)'),
      // A check time older than the stored one (a batched write, another process's slower read) changes nothing.
      good: db.prepare(
        `UPDATE watched_case SET baseline_at = coalesce(baseline_at, :now), quarantine = NULL, last_checked_at = :now, last_error = NULL, failures = 0, next_check_at = :next
         WHERE case_key = :key AND (last_checked_at IS NULL OR last_checked_at <= :now)`,
      ),
      failure: db.prepare(
        `UPDATE watched_case SET quarantine = :quarantine, last_checked_at = :now, last_error = :message, failures = failures + 1, next_check_at = :next
         WHERE case_key = :key AND (last_checked_at IS NULL OR last_checked_at <= :now)`,
      ),
      followers: db.prepare('SELECT user_id FROM user_case WHERE case_key = ? AND tracked = 1 AND deleted = 0'),
    };
  }

  /** Add newly tracked cases (due at once), drop cases nobody tracks any more; returns the keys dropped. */
  refresh(now: number): string[] {
    return inTransaction(this.db, () => {
      const missing = this.db
        .prepare(
          `SELECT case_key, min(court_id) AS court_id, min(case_number) AS case_number, max(source) AS source FROM user_case
           WHERE tracked = 1 AND deleted = 0 AND case_key NOT IN (SELECT case_key FROM watched_case) GROUP BY case_key`,
        )
        .all() as { case_key: string; court_id: string; case_number: string; source: string | null }[];
      const insert = this.db.prepare('INSERT INTO watched_case (case_key, source, next_check_at, shard_hash) VALUES (?, ?, ?, ?)');
      for (const m of missing) {
        const parsed = m.source ? CaseSourceSchema.safeParse(JSON.parse(m.source)) : null;
        insert.run(m.case_key, JSON.stringify(parsed?.success ? parsed.data : defaultSource(m.court_id, m.case_number)), now, shardHash(m.case_key));
      }
      if (!this.hashesFilled) {
        // Cases watched before the hash existed (migration 7); every case added since gets it above.
        const setHash = this.db.prepare('UPDATE watched_case SET shard_hash = ? WHERE case_key = ?');
        for (const { case_key } of this.db.prepare('SELECT case_key FROM watched_case WHERE shard_hash IS NULL').all() as { case_key: string }[]) setHash.run(shardHash(case_key), case_key);
        this.hashesFilled = true;
      }
      const orphan = 'SELECT case_key FROM watched_case WHERE case_key NOT IN (SELECT case_key FROM user_case WHERE tracked = 1 AND deleted = 0)';
      this.db.prepare(`DELETE FROM watched_entry WHERE case_key IN (${orphan})`).run();
      return (this.db.prepare(`DELETE FROM watched_case WHERE case_key IN (${orphan}) RETURNING case_key`).all() as { case_key: string }[]).map((r) => r.case_key);
    });
  }

  get(key: string): WatchedCase | null {
    const row = this.s.get.get(key) as Row | undefined;
    return row ? toWatched(row) : null;
  }

  /**
   * Cases due by `now`, soonest first. With a shard, only this process's share: the cases whose key
   * hash is `index` modulo `count` (stable, and evenly spread).
   */
  due(now: number, limit: number, shard: PollShard = { index: 0, count: 1 }): WatchedCase[] {
    const rows =
      shard.count === 1
        ? this.db.prepare('SELECT * FROM watched_case WHERE next_check_at <= ? ORDER BY next_check_at LIMIT ?').all(now, limit)
        : this.db.prepare('SELECT * FROM watched_case WHERE next_check_at <= ? AND shard_hash % ? = ? ORDER BY next_check_at LIMIT ?').all(now, shard.count, shard.index, limit);
    return (rows as Row[]).map(toWatched);
  }

  /** The last good docket, in page order (null before the first good read). */
  entries(key: string): DocketEntry[] | null {
    const row = this.s.baselineAt.get(key) as { baseline_at: number | null } | undefined;
    if (!row || row.baseline_at === null) return null;
    return (this.s.stored.all(key) as { entry: string }[]).map((r) => JSON.parse(r.entry) as DocketEntry);
  }

  /** The digest of the last good docket (docket-digest.ts); null before the first good read, or not known yet. */
  docketDigest(key: string): string | null {
    return (this.s.digest.get(key) as { docket_digest: string | null } | undefined)?.docket_digest ?? null;
  }

  /** Users who track the case now. */
  followers(key: string): string[] {
    return (this.s.followers.all(key) as { user_id: string }[]).map((r) => r.user_id);
  }

  /**
   * A good read: it becomes the last good docket (first-seen times kept). Call inside the alert
   * transaction. Returns the docket's digest (docket-digest.ts), as now stored.
   */
  recordGood(key: string, entries: Fingerprinted[], now: number, nextCheckAt: number): string {
    return inTransaction(this.db, () => {
      const seen = new Map((this.s.seen.all(key) as { fingerprint: string; first_seen_at: number }[]).map((r) => [r.fingerprint, Number(r.first_seen_at)]));
      this.s.deleteEntries.run(key);
      const json = entries.map((f) => JSON.stringify(f.entry));
      entries.forEach((f, i) => this.s.insertEntry.run(key, f.fingerprint, i, json[i], seen.get(f.fingerprint) ?? now));
      const digest = docketDigest(entries.map((f) => f.fingerprint), json);
      this.s.setDigest.run(digest, key);
      this.recordSame(key, now, nextCheckAt);
      return digest;
    });
  }

  /**
   * A good read identical to the last good docket (same entries, same order, same stored JSON): what
   * `recordGood` would leave, without rewriting the entries (first-seen times are kept either way).
   */
  recordSame(key: string, now: number, nextCheckAt: number): void {
    this.s.good.run({ now, next: nextCheckAt, key });
  }

  /** `recordSame` for many cases, in one transaction. */
  recordSameMany(reads: readonly { key: string; at: number; next: number }[]): void {
    inTransaction(this.db, () => {
      for (const r of reads) this.recordSame(r.key, r.at, r.next);
    });
  }

  /** A failed or doubtful read: the last good docket stays; the reason is shown to followers. */
  recordFailure(key: string, message: string, quarantine: string | null, now: number, nextCheckAt: number): void {
    this.s.failure.run({ quarantine, now, message, next: nextCheckAt, key });
  }
}
