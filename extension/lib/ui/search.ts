import type { CaseSummary } from '../protocol';

/** Lower-cased text a case can be found by: case number, caption, tags and note. */
export function searchText(c: Pick<CaseSummary, 'caseNumber' | 'caption' | 'tags' | 'note'>): string {
  return [c.caseNumber, c.caption ?? '', c.tags.join(' '), c.note].join('\n').toLowerCase();
}

/**
 * Cases matching every word of `query` (case-insensitive, any order), in their given order.
 * An empty query matches all.
 */
export function filterBySearch<T extends Pick<CaseSummary, 'caseNumber' | 'caption' | 'tags' | 'note'>>(cases: T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return cases;
  return cases.filter((c) => {
    const text = searchText(c);
    return words.every((w) => text.includes(w));
  });
}

/** The dashboard link to one case's detail view. */
export function caseDetailHref(key: string): string {
  return `/dashboard.html#case=${encodeURIComponent(key)}`;
}
