import { fingerprintEntries, hash64 } from '../casenet/fingerprint';
import type { DocketEntry } from '../casenet/types';

/** An entry with its fingerprint (see shared/casenet/fingerprint.ts). */
export type Fingerprinted = { fingerprint: string; entry: DocketEntry };

export type DocketDiff = {
  /** In `next` page order. */
  added: Fingerprinted[];
  /** A clerk's correction: same `sequence`, or else same date and title, different content. */
  changed: { before: Fingerprinted; after: Fingerprinted }[];
  /** In `prev` page order. */
  removed: Fingerprinted[];
  unchanged: number;
};

const withPrints = (entries: readonly DocketEntry[]): Fingerprinted[] => {
  const prints = fingerprintEntries(entries);
  return entries.map((entry, i) => ({ fingerprint: prints[i] ?? '', entry }));
};

/** Page-order-independent order for pairing: by date, then fingerprint. */
const byContent = (a: Fingerprinted, b: Fingerprinted): number =>
  a.entry.date < b.entry.date ? -1 : a.entry.date > b.entry.date ? 1 : a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0;

/**
 * Pairs removed with added entries sharing `pairKey` (non-null), one to one, in `byContent`
 * order. Returns the pairs and what stayed unpaired on each side (original order kept).
 */
function pairUp(removed: Fingerprinted[], added: Fingerprinted[], pairKey: (f: Fingerprinted) => string | null) {
  const waiting = new Map<string, Fingerprinted[]>();
  for (const r of [...removed].sort(byContent)) {
    const key = pairKey(r);
    if (key !== null) waiting.set(key, [...(waiting.get(key) ?? []), r]);
  }
  const pairs: { before: Fingerprinted; after: Fingerprinted }[] = [];
  for (const a of [...added].sort(byContent)) {
    const key = pairKey(a);
    const before = key === null ? undefined : waiting.get(key)?.shift();
    if (before) pairs.push({ before, after: a });
  }
  const pairedBefore = new Set(pairs.map((p) => p.before));
  const pairedAfter = new Set(pairs.map((p) => p.after));
  return { pairs, removed: removed.filter((r) => !pairedBefore.has(r)), added: added.filter((a) => !pairedAfter.has(a)) };
}

const bySequence = (f: Fingerprinted): string | null => (f.entry.sequence === null ? null : String(f.entry.sequence));
const byDateTitle = (f: Fingerprinted): string => JSON.stringify([f.entry.date, f.entry.title]);

/**
 * What changed between two reads of one docket. Entries match by fingerprint, so page order and
 * page generation do not matter. Among the unmatched, an old and a new entry with the same
 * `sequence` (or else the same date and title) are one corrected entry, not a removal plus an
 * addition.
 */
export function diffDockets(prev: readonly DocketEntry[], next: readonly DocketEntry[]): DocketDiff {
  return diffPrinted(withPrints(prev), withPrints(next));
}

function diffPrinted(before: Fingerprinted[], after: Fingerprinted[]): DocketDiff {
  const prevPrints = new Set(before.map((f) => f.fingerprint));
  const nextPrints = new Set(after.map((f) => f.fingerprint));
  const added = after.filter((f) => !prevPrints.has(f.fingerprint));
  const removed = before.filter((f) => !nextPrints.has(f.fingerprint));
  const unchanged = after.length - added.length;
  const first = pairUp(removed, added, bySequence);
  const second = pairUp(first.removed, first.added, byDateTitle);
  const pairs = [...first.pairs, ...second.pairs];
  const order = new Map(after.map((f, i) => [f, i]));
  pairs.sort((p, q) => (order.get(p.after) ?? 0) - (order.get(q.after) ?? 0));
  return { added: second.added, changed: pairs, removed: second.removed, unchanged };
}

export type RefusalReason = 'empty' | 'shrunk' | 'burst';

export type RefreshVerdict =
  /** First read of the case: store `entries`, alert on none of them. */
  | { ok: true; baseline: true; entries: Fingerprinted[] }
  /** `confirmed` says a refusal was lifted because the same docket came back twice in a row. */
  | { ok: true; baseline: false; entries: Fingerprinted[]; diff: DocketDiff; confirmed: 'shrunk' | 'burst' | null }
  /**
   * Doubtful: keep the last good docket and alert on nothing. Store `token` (null: never
   * confirmable) and pass it back as `quarantineToken` on the next check of the case.
   */
  | { ok: false; reason: RefusalReason; message: string; token: string | null };

export type RefreshOptions = {
  /** The `token` of this case's previous refusal, if its last check was refused. */
  quarantineToken?: string | null;
  /** More added entries than this, on a case that had entries, is a burst. Default 50. */
  burstLimit?: number;
};

/** Identifies one refusal: the reason plus both fingerprint sets, so only the same docket confirms it. */
const refusalToken = (reason: RefusalReason, before: Fingerprinted[], after: Fingerprinted[]): string => {
  const set = (fs: Fingerprinted[]) => fs.map((f) => f.fingerprint).sort().join(' ');
  return `${reason}:${hash64(`${set(before)}|${set(after)}`)}`;
};

/**
 * The "never alert on doubt" rules for a freshly read docket against the last good one (`prev`,
 * null when the case has never been read):
 * - prev null: baseline, nothing alerts;
 * - prev had entries and next has none: refused ('empty'), every time;
 * - next has fewer entries than prev: refused ('shrunk');
 * - more than `burstLimit` entries added to a case that had entries: refused ('burst').
 * A 'shrunk' or 'burst' docket read identically on the next check (its token passed back) is
 * accepted: a clerk really removed entries, or really filed that many.
 */
export function assessRefresh(prev: readonly DocketEntry[] | null, next: readonly DocketEntry[], opts: RefreshOptions = {}): RefreshVerdict {
  const entries = withPrints(next);
  if (prev === null) return { ok: true, baseline: true, entries };
  const before = withPrints(prev);
  const diff = diffPrinted(before, entries);
  const limit = opts.burstLimit ?? 50;

  if (prev.length > 0 && next.length === 0) {
    return { ok: false, reason: 'empty', message: `Case.net showed no docket entries where there were ${prev.length}; keeping the last good copy`, token: null };
  }
  let refusal: { reason: 'shrunk' | 'burst'; message: string } | null = null;
  if (next.length < prev.length) {
    refusal = { reason: 'shrunk', message: `the docket shrank from ${prev.length} to ${next.length} entries; keeping the last good copy` };
  } else if (prev.length > 0 && diff.added.length > limit) {
    refusal = { reason: 'burst', message: `${diff.added.length} new entries appeared at once (more than ${limit}); keeping the last good copy until the next check shows the same` };
  }
  if (refusal === null) return { ok: true, baseline: false, entries, diff, confirmed: null };
  const token = refusalToken(refusal.reason, before, entries);
  if (opts.quarantineToken === token) return { ok: true, baseline: false, entries, diff, confirmed: refusal.reason };
  return { ok: false, ...refusal, token };
}

/** One change of an accepted diff, as an alert describes it: kind, the entry, and (for a correction) the entry before. */
export type DocketChange = { kind: 'new' | 'changed' | 'removed'; fingerprint: string; entry: DocketEntry; previous: DocketEntry | null };

/** The changes of a diff: additions, clerk corrections, removals. */
export function changesOf(diff: DocketDiff): DocketChange[] {
  return [
    ...diff.added.map((d) => ({ kind: 'new' as const, fingerprint: d.fingerprint, entry: d.entry, previous: null })),
    ...diff.changed.map((d) => ({ kind: 'changed' as const, fingerprint: d.after.fingerprint, entry: d.after.entry, previous: d.before.entry })),
    ...diff.removed.map((d) => ({ kind: 'removed' as const, fingerprint: d.fingerprint, entry: d.entry, previous: null })),
  ];
}
