import { filterBySearch } from '../../../../../extension/lib/ui/search';
import type { AlertView, CaseDetail, CaseSummary, CheckProgress, Summary } from '../../../../../extension/lib/protocol';

export const NOW = Date.UTC(2025, 4, 20, 15, 0, 0);

export function makeCase(over: Partial<CaseSummary> = {}): CaseSummary {
  const caseNumber = over.caseNumber ?? '22SL-CC00807';
  const courtId = over.courtId ?? 'CT22';
  return {
    key: `${courtId}|${caseNumber}`,
    courtId,
    caseNumber,
    caption: 'JANE DOE V ACME CORP',
    saved: true,
    tracked: true,
    tags: [],
    note: '',
    fields: {},
    url: `https://www.courts.mo.gov/casenet/cases/searchDockets.do?inputVO.caseNumber=${caseNumber}&inputVO.courtId=${courtId}`,
    lastEntry: { date: '2025-05-01', title: 'Answer Filed' },
    entryCount: 3,
    unread: 0,
    lastCheckedAt: NOW - 12 * 60_000,
    lastCheckedBy: 'browser',
    lastError: null,
    updatedAt: NOW - 60_000,
    ...over,
  };
}

export function makeAlert(over: Partial<AlertView> = {}): AlertView {
  return {
    id: 'a1',
    caseKey: 'CT22|22SL-CC00807',
    caseNumber: '22SL-CC00807',
    caption: 'JANE DOE V ACME CORP',
    kind: 'new',
    date: '2025-05-19',
    title: 'Motion to Dismiss Filed',
    createdAt: NOW - 5 * 60_000,
    readAt: null,
    ...over,
  };
}

export const IDLE: CheckProgress = { running: false, done: 0, total: 0, current: null, results: [] };

export function makeSummary(cases: CaseSummary[], unread: AlertView[] = []): Summary {
  return { unread, unreadCount: unread.length, cases, caseCount: cases.length, progress: IDLE };
}

/**
 * A getSummary handler that answers as the background does: the first `limit` of `cases` (matching
 * `search`, when given), with caseCount counting them all.
 */
export function folderSummary(cases: CaseSummary[], unread: AlertView[] = []) {
  return (data: { search?: string; limit?: number }): Summary => {
    const matches = filterBySearch(cases, data.search ?? '');
    return { ...makeSummary(matches.slice(0, data.limit ?? matches.length), unread), caseCount: cases.length };
  };
}

/** Case numbers 24SL-CC00000 … for n cases. */
export function manyCases(n: number): CaseSummary[] {
  return Array.from({ length: n }, (_, i) => makeCase({ caseNumber: `24SL-CC${String(i).padStart(5, '0')}`, caption: `PARTY ${i} V OTHER ${i}` }));
}

export function makeDetail(summary: CaseSummary, over: Partial<CaseDetail> = {}): CaseDetail {
  return {
    summary,
    entries: [
      {
        fingerprint: 'f3',
        date: '2025-05-19',
        title: 'Motion to Dismiss Filed',
        text: 'Defendant moves to dismiss; memorandum attached.',
        filedBy: 'JOHN SMITH',
        onBehalfOf: 'ACME CORP',
        scheduledFor: null,
        firstSeenAt: NOW - 5 * 60_000,
      },
      {
        fingerprint: 'f2',
        date: '2025-05-01',
        title: 'Hearing Scheduled',
        text: null,
        filedBy: null,
        onBehalfOf: null,
        scheduledFor: '06/15/2025, 9:00 AM, Division 3',
        firstSeenAt: NOW - 20 * 86_400_000,
      },
      {
        fingerprint: 'f1',
        date: '2025-04-02',
        title: 'Petition Filed',
        text: 'Petition for damages.',
        filedBy: 'MARY MAJOR',
        onBehalfOf: 'JANE DOE',
        scheduledFor: null,
        firstSeenAt: NOW - 40 * 86_400_000,
      },
    ],
    hearings: [{ date: '2025-05-01', title: 'Hearing Scheduled', scheduledFor: '06/15/2025, 9:00 AM, Division 3' }],
    alerts: [],
    ...over,
  };
}
