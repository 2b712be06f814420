import { fail, type DocketEntry, type DocketPage, type Parsed } from '../types';
import { byTag, cellsOf, findFirstIn, hasClass, rowsOf, textOf, type Element } from '../html';
import { usDateToIso } from '../normalize';
import { looksTruncated } from '../detect/document';
import { leadingLabel, parseOldPage, readCaseIdentity, type OldPage } from './common';

// Old docket tab (`/casenet/cases/searchDockets.do`, "Docket Entries Results").
// table.detailRecordTable rows, in page order:
//   td.detailSeperator            a new date group begins
//   td.detailThinSeperator        another entry on the same date (its date cell is an empty <b>)
//   td.detailData <b>date</b> | spacer | <b>title</b>      the entry's first row
//   td.detailLabels | td.detailData                        free text, or a `<b>Label:</b> value`
// Known labels become fields; other labelled rows (Associated Entries:, Hearing Continued From:)
// are left out of every field.

type Field = 'filedBy' | 'onBehalfOf' | 'scheduledFor';
const LABELS = new Map<string, Field>([
  ['filed by:', 'filedBy'],
  ['on behalf of:', 'onBehalfOf'],
  ['scheduled for:', 'scheduledFor'],
]);

type Draft = Omit<DocketEntry, 'text'> & { text: string[] };

/** Parse the HTML of an old docket tab. Truncated or changed pages fail; never a shorter docket. */
export function parseOldDocket(html: string): Parsed<DocketPage> {
  if (looksTruncated(html)) return fail('truncated', 'docket page is cut off before its end');
  return readOldDocket(parseOldPage(html));
}

/** Read an already parsed old docket tab (the caller has checked truncation). */
export function readOldDocket(page: OldPage): Parsed<DocketPage> {
  const identity = readCaseIdentity(page);
  if (identity.caseNumber === null) return fail('layout-changed', 'docket page has no case number');
  const table = page.detailTables[0];
  if (table === undefined) return fail('layout-changed', 'docket table (table.detailRecordTable) is missing');
  const entries = readEntries(table);
  if (!entries.ok) return entries;
  return { ok: true, value: { caseNumber: identity.caseNumber, courtId: identity.courtId, caption: identity.caption, entries: entries.value } };
}

function readEntries(table: Element): Parsed<DocketEntry[]> {
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let date: string | null = null;
  let strayText = false;
  for (const row of rowsOf(table)) {
    const cells = cellsOf(row);
    const first = cells[0];
    if (first === undefined) continue;
    if (hasClass(first, 'detailSeperator') || hasClass(first, 'detailThinSeperator')) continue;
    if (isTitleRow(cells)) {
      const dateText = textOf(first);
      if (dateText !== null) {
        date = usDateToIso(dateText);
        if (date === null) return fail('layout-changed', `docket entry date "${dateText.slice(0, 40)}" is not MM/DD/YYYY`);
      } else if (date === null) return fail('layout-changed', 'first docket entry has no date');
      current = { date, title: titleOf(cells[2]), text: [], filedBy: null, onBehalfOf: null, scheduledFor: null, sequence: null };
      drafts.push(current);
    } else if (current === null) strayText ||= textOf(row) !== null;
    else readDetailRow(cells, current);
  }
  if (drafts.length === 0 && strayText) return fail('layout-changed', 'docket table has rows but no recognisable entries');
  return { ok: true, value: drafts.map(finish) };
}

/** First row of an entry: three cells, the first a detailData cell holding a (maybe empty) <b>. */
function isTitleRow(cells: Element[]): boolean {
  const first = cells[0];
  return (
    cells.length >= 3 &&
    first !== undefined &&
    hasClass(first, 'detailData') &&
    findFirstIn(first.children, byTag('b')) !== null
  );
}

function titleOf(cell: Element | undefined): string {
  if (cell === undefined) return '';
  const bold = findFirstIn(cell.children, byTag('b'));
  return (bold ? textOf(bold) : null) ?? textOf(cell) ?? '';
}

function readDetailRow(cells: Element[], entry: Draft): void {
  const data = cells.find((cell) => hasClass(cell, 'detailData')) ?? cells[cells.length - 1];
  if (data === undefined) return;
  const labelled = leadingLabel(data);
  if (labelled === null) {
    const text = textOf(data);
    if (text !== null) entry.text.push(text);
    return;
  }
  const field = LABELS.get(labelled.label.toLowerCase());
  if (field !== undefined) entry[field] = textOf(labelled.rest);
}

// Parts are normalised already: joining must not decode a second time (`&amp;lt;` stays `&lt;`).
const finish = (draft: Draft): DocketEntry => ({ ...draft, text: draft.text.length === 0 ? null : draft.text.join(' ') });
