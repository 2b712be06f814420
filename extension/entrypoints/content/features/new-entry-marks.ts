const MARK_CLASS = 'docket-watch-new';
const MARK_STYLE = 'background-color: #fff3b0';

/**
 * Old docket tab: the rows of each entry, in page order. An entry starts at a row whose first
 * cell is `td.detailData` (date | spacer | bold title) and runs until the next separator row.
 */
export function oldDocketEntryRows(doc: Document): HTMLTableRowElement[][] {
  const entries: HTMLTableRowElement[][] = [];
  let current: HTMLTableRowElement[] | null = null;
  for (const table of doc.querySelectorAll('table.detailRecordTable')) {
    for (const row of table.querySelectorAll('tr')) {
      const first = row.cells[0];
      if (!first) continue;
      if (first.classList.contains('detailSeperator') || first.classList.contains('detailThinSeperator')) {
        current = null;
      } else if (first.classList.contains('detailData') && row.cells.length >= 3) {
        current = [row];
        entries.push(current);
      } else if (current) {
        current.push(row);
      }
    }
  }
  return entries;
}

/** New case view: rendered docket rows, when the page marks them with `data-entry`. */
export function newViewEntryRows(doc: Document): HTMLTableRowElement[][] {
  return [...doc.querySelectorAll<HTMLTableRowElement>('tr[data-entry]')].map((row) => [row]);
}

/**
 * Highlight the entries at `indexes` (page order). Only a class and a style attribute are added
 * to the page's rows; the returned cleanup restores both.
 */
export function markEntries(entries: HTMLTableRowElement[][], indexes: readonly number[]): () => void {
  const touched: { row: HTMLElement; style: string | null }[] = [];
  for (const index of indexes) {
    for (const row of entries[index] ?? []) {
      touched.push({ row, style: row.getAttribute('style') });
      row.classList.add(MARK_CLASS);
      row.setAttribute('style', `${row.getAttribute('style') ?? ''};${MARK_STYLE}`.replace(/^;/, ''));
    }
  }
  return () => {
    for (const { row, style } of touched) {
      row.classList.remove(MARK_CLASS);
      if (row.classList.length === 0) row.removeAttribute('class');
      if (style === null) row.removeAttribute('style');
      else row.setAttribute('style', style);
    }
  };
}

/** Resolve with `find()`'s rows once the page renders any (or [] after `timeoutMs`). */
export function waitForRows<T>(doc: Document, find: () => T[], timeoutMs = 10_000): Promise<T[]> {
  const now = find();
  if (now.length > 0) return Promise.resolve(now);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const rows = find();
      if (rows.length === 0) return;
      done(rows);
    });
    const timer = setTimeout(() => done([]), timeoutMs);
    const done = (rows: T[]): void => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(rows);
    };
    observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  });
}
