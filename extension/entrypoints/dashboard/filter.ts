import type { CaseSummary } from '../../lib/protocol';
import { filterBySearch } from '../../lib/ui/search';

export type Show = 'all' | 'tracked' | 'saved' | 'unread';
export type SortBy = 'lastEntry' | 'caseNumber';
export type CaseFilter = { show: Show; court: string; tag: string; query: string; sort: SortBy };

export const NO_FILTER: CaseFilter = { show: 'all', court: '', tag: '', query: '', sort: 'lastEntry' };

const SHOW_TEST: Record<Show, (c: CaseSummary) => boolean> = {
  all: () => true,
  tracked: (c) => c.tracked,
  saved: (c) => !c.tracked,
  unread: (c) => c.unread > 0,
};

/** The cases the filter lets through, sorted as it asks. */
export function applyFilter(cases: CaseSummary[], f: CaseFilter): CaseSummary[] {
  const kept = cases.filter((c) => SHOW_TEST[f.show](c) && (!f.court || c.courtId === f.court) && (!f.tag || c.tags.includes(f.tag)));
  return sortCases(filterBySearch(kept, f.query), f.sort);
}

/** Newest last entry first (cases without entries last), or by case number; ties by case number. */
export function sortCases(cases: CaseSummary[], by: SortBy): CaseSummary[] {
  const byNumber = (a: CaseSummary, b: CaseSummary) => a.caseNumber.localeCompare(b.caseNumber, 'en');
  if (by === 'caseNumber') return [...cases].sort(byNumber);
  return [...cases].sort((a, b) => (b.lastEntry?.date ?? '').localeCompare(a.lastEntry?.date ?? '') || byNumber(a, b));
}

/** Courts present in the folder, as select options: id and a label with the location when known. */
export function courtOptions(cases: CaseSummary[]): { id: string; label: string }[] {
  const labels = new Map<string, string>();
  for (const c of cases) if (!labels.has(c.courtId)) labels.set(c.courtId, courtLabel(c));
  return [...labels].map(([id, label]) => ({ id, label })).sort((a, b) => a.id.localeCompare(b.id, 'en'));
}

/** "CT13 (Boone)" — court id plus the Location field Case.net shows, when stored. */
export function courtLabel(c: Pick<CaseSummary, 'courtId' | 'fields'>): string {
  const location = c.fields['Location'];
  return location ? `${c.courtId} (${location})` : c.courtId;
}

/** Every tag used in the folder, sorted. */
export function tagOptions(cases: CaseSummary[]): string[] {
  return [...new Set(cases.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b, 'en'));
}
