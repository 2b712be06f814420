import { docketRequest } from '../../../shared/casenet/urls';
import { assessRefresh, changesOf } from '../../../shared/diff';
import type { CaseRow } from '../../lib/db/tables/case-row';
import { defaultAccountDeps, type AccountDeps } from './account';
import { announce } from './alerts';
import { describeFailure, docketOf, readCasenet } from './casenet-client';
import type { Ctx } from './context';
import { nextCheckTime } from './next-check';
import { reportSnapshot } from './server-snapshot';
import { storeDocket } from './store-docket';

export type CheckResult = { key: string; ok: boolean; message: string; alerts: number };

/** Keys being checked right now: a second check of the same case waits for nothing and is skipped. */
const inFlight = new Set<string>();

/**
 * Check one tracked case on Case.net. Any failure (fetch, parse, a refused diff) keeps the last
 * good docket, raises no alert and leaves a plain-words `lastError`. An accepted docket is stored
 * with its alerts in one transaction, then notified and counted on the badge; signed in (`account`),
 * it is also handed to the sync server afterwards, best effort (see server-snapshot.ts).
 */
export async function checkCase(ctx: Ctx, key: string, account: AccountDeps = defaultAccountDeps()): Promise<CheckResult> {
  const row = await ctx.db.cases.get(key);
  if (!row) return { key, ok: false, message: 'This case is no longer in your folder.', alerts: 0 };
  if (inFlight.has(key)) return { key, ok: true, message: 'Already being checked.', alerts: 0 };
  inFlight.add(key);
  try {
    return await check(ctx, row, account);
  } finally {
    inFlight.delete(key);
  }
}

async function check(ctx: Ctx, row: CaseRow, account: AccountDeps): Promise<CheckResult> {
  const read = docketOf(await readCasenet(ctx, docketRequest(row.source), row.source, row.failures));
  if (!read.ok) return fail(ctx, row, describeFailure('docket', read), null);
  if (read.page.caseNumber.trim().toUpperCase() !== row.caseNumber) {
    return fail(ctx, row, `could not read the docket: Case.net answered with case ${read.page.caseNumber.slice(0, 40)} instead`, null);
  }

  const stored = row.docketAt === null ? null : (await ctx.db.entries.where('caseKey').equals(row.key).toArray()).sort((a, b) => a.position - b.position);
  const verdict = assessRefresh(stored, read.page.entries, { quarantineToken: row.quarantine });
  if (!verdict.ok) return fail(ctx, row, verdict.message, verdict.token);

  const changes = verdict.baseline ? [] : changesOf(verdict.diff);
  const now = ctx.now();
  const checked: CaseRow = { ...row, lastCheckedAt: now, lastCheckedBy: 'browser', lastError: null, failures: 0, quarantine: null, docketAt: now };
  checked.nextCheckAt = row.tracked ? await nextCheckTime(ctx, checked) : null;
  if (read.page.caption) checked.caption = row.caption ?? read.page.caption;
  const entries = verdict.entries.map((f) => f.entry);
  const { created, unannounced } = await storeDocket(ctx, {
    key: row.key,
    entries,
    fingerprints: verdict.entries.map((f) => f.fingerprint),
    mode: 'replace',
    changes,
    alertsRead: false,
    patch: { lastCheckedAt: now, lastCheckedBy: 'browser', lastError: null, failures: 0, quarantine: null, docketAt: now, nextCheckAt: checked.nextCheckAt, caption: checked.caption },
  });
  // The server may have raised (and this browser pulled, silently) an alert for the same entry first.
  await announce(ctx, checked, [...created, ...unannounced]);
  ctx.defer(() => reportSnapshot(ctx, account, row, entries));
  const found = created.length + unannounced.length;
  const message = found === 0 ? 'No new docket entries.' : `${found} docket change${found === 1 ? '' : 's'}.`;
  return { key: row.key, ok: true, message, alerts: found };
}

async function fail(ctx: Ctx, row: CaseRow, lastError: string, quarantine: string | null): Promise<CheckResult> {
  const now = ctx.now();
  const failed = { lastCheckedAt: now, lastCheckedBy: 'browser' as const, lastError, failures: row.failures + 1, quarantine };
  const nextCheckAt = row.tracked ? await nextCheckTime(ctx, failed) : null;
  await ctx.db.cases.update(row.key, { ...failed, nextCheckAt });
  return { key: row.key, ok: false, message: lastError.charAt(0).toUpperCase() + lastError.slice(1), alerts: 0 };
}
