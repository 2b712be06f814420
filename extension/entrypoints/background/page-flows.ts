import { detectPage } from '../../../shared/casenet/detect/url';
import { parseCaseKey } from '../../../shared/casenet/key';
import { fingerprintEntries } from '../../../shared/casenet/fingerprint';
import { parsePage, type PageResult } from '../../../shared/casenet/parse-page';
import type { CaseSource, DocketEntry } from '../../../shared/casenet/types';
import { docketRequest, headerRequest } from '../../../shared/casenet/urls';
import type { CaseRow } from '../../lib/db/tables/case-row';
import type { PageState } from '../../lib/protocol';
import { defaultAccountDeps } from './account';
import { markRead, refreshBadge } from './alerts';
import { describeFailure, docketOf, readCasenet } from './casenet-client';
import type { Ctx } from './context';
import { saveCase } from './folder';
import { checkCase } from './refresher';
import { reportSnapshot } from './server-snapshot';
import { storeDocket } from './store-docket';

type CasePage = { key: string; source: CaseSource; read: () => Promise<PageRead> };
/** What one case page shows: header facts and, on a docket tab, the docket in page order. */
type PageRead = { caseNumber: string | null; caption: string | null; fields: Record<string, string> | null; entries: DocketEntry[] | null };

/** Which case a content-script URL shows, and how to read it (null: not a case page). */
function casePage(ctx: Ctx, url: string, html: string, withHeader: boolean): CasePage | null {
  const parsedUrl = new URL(url);
  const page = detectPage(parsedUrl);
  switch (page.kind) {
    case 'oldCaseTab':
      return { key: page.key, source: page.source, read: async () => fromPage(parsePage(html, parsedUrl)) };
    case 'newCaseView':
      return { key: page.key, source: page.source, read: () => fetchNewView(ctx, page.source, withHeader) };
    default:
      return null;
  }
}

function fromPage(result: PageResult): PageRead {
  switch (result.kind) {
    case 'docket':
      return { caseNumber: result.caseNumber, caption: result.caption, fields: null, entries: result.entries };
    case 'header':
      return { caseNumber: result.caseNumber, caption: result.caption, fields: result.fields, entries: null };
    case 'parties':
    case 'events':
      return { caseNumber: result.caseNumber, caption: result.caption, fields: null, entries: null };
    case 'error':
      throw new Error(describeFailure('page', result));
    case 'not-found':
    case 'maintenance':
      throw new Error(describeFailure('page', { reason: result.kind }));
    default:
      throw new Error(describeFailure('page', { reason: 'not-a-case-page' }));
  }
}

/** The new case view renders from JSON; the background asks the same origin for it (politely). */
async function fetchNewView(ctx: Ctx, source: CaseSource, withHeader: boolean): Promise<PageRead> {
  const read: PageRead = { caseNumber: source.caseNumber, caption: null, fields: null, entries: null };
  if (withHeader) {
    const header = await readCasenet(ctx, headerRequest(source), source);
    if (header.ok && header.page.kind === 'header') Object.assign(read, { caption: header.page.caption, fields: header.page.fields });
  }
  const docket = docketOf(await readCasenet(ctx, docketRequest(source), source));
  if (!docket.ok) {
    if (withHeader && read.fields) return read;
    throw new Error(describeFailure('docket', docket));
  }
  return { ...read, caption: read.caption ?? docket.page.caption, entries: docket.page.entries };
}

const stateOf = (row: CaseRow | undefined, key: string, caseNumber: string, newEntryIndexes: number[] = []): PageState => ({
  key,
  caseNumber: row?.caseNumber ?? caseNumber,
  saved: row?.saved ?? false,
  tracked: row?.tracked ?? false,
  newEntryIndexes,
});

/**
 * A case page was opened. For a case in the folder: which shown entries are new since the last
 * visit (stored after it, or not stored at all), then store what was new. On a tracked case
 * those become alerts already read: the user is looking at them. Unread alerts for entries on
 * the page are marked read. A tracked case's docket also goes to the sync server (server-snapshot.ts).
 */
export async function pageSeen(ctx: Ctx, input: { url: string; html: string }): Promise<PageState | null> {
  const page = casePage(ctx, input.url, input.html, false);
  if (!page) return null;
  const row = await ctx.db.cases.get(page.key);
  if (!row) return stateOf(undefined, page.key, page.source.caseNumber);
  const read = await page.read().catch(() => null);
  if (!read?.entries) return stateOf(row, page.key, page.source.caseNumber);

  const now = ctx.now();
  const prints = fingerprintEntries(read.entries);
  const stored = new Map((await ctx.db.entries.where('caseKey').equals(row.key).toArray()).map((e) => [e.fingerprint, e]));
  const since = row.lastVisitAt ?? row.createdAt;
  const hasBaseline = row.docketAt !== null;
  const newEntryIndexes = hasBaseline
    ? prints.flatMap((fp, i) => {
        const seen = stored.get(fp);
        return !seen || seen.firstSeenAt > since ? [i] : [];
      })
    : [];
  const unstored = prints.flatMap((fp, i) => {
    const entry = read.entries?.[i];
    return !stored.has(fp) && entry ? [{ kind: 'new' as const, fingerprint: fp, entry }] : [];
  });
  await storeDocket(ctx, {
    key: row.key,
    entries: read.entries,
    fingerprints: prints,
    mode: hasBaseline ? 'merge' : 'replace',
    changes: hasBaseline && row.tracked ? unstored : [],
    alertsRead: true,
    patch: { lastVisitAt: now, docketAt: row.docketAt ?? now },
  });
  const entries = read.entries;
  ctx.defer(() => reportSnapshot(ctx, defaultAccountDeps(), row, entries));
  const shown = new Set(prints);
  const marked = await markRead(ctx, (alerts) => alerts.where('caseKey').equals(row.key).filter((a) => shown.has(a.fingerprint)));
  if (marked > 0) await refreshBadge(ctx);
  return stateOf(row, page.key, page.source.caseNumber, newEntryIndexes);
}

/**
 * Save (track=false) or Track (track=true) pressed on a case page. The page's docket is the
 * baseline; a page without one (header tab) gets its docket fetched afterwards, through the queue.
 */
export async function savePage(ctx: Ctx, input: { url: string; html: string; track: boolean }): Promise<PageState> {
  const page = casePage(ctx, input.url, input.html, true);
  if (!page) throw new Error('This is not a Case.net case page.');
  const read = await page.read();
  const id = parseCaseKey(page.key);
  if (!id) throw new Error('This page does not name a valid case.');
  const row = await saveCase(ctx, {
    key: page.key,
    courtId: id.courtId,
    caseNumber: id.caseNumber,
    caption: read.caption,
    fields: read.fields,
    source: page.source,
    docket: read.entries ? { entries: read.entries, fingerprints: fingerprintEntries(read.entries) } : null,
    track: input.track,
  });
  await ctx.db.cases.update(row.key, { lastVisitAt: ctx.now() });
  if (row.docketAt === null) ctx.defer(() => checkCase(ctx, row.key));
  return stateOf(row, row.key, row.caseNumber);
}
