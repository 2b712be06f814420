import { fail, type Parsed } from '../types';
import { cellsOf, hasClass, rowsOf, textOf, type Element } from '../html';
import { usDateToIso } from '../normalize';
import { leadingLabel, parseOldPage, readCaseIdentity, type OldPage } from './common';

// Old hearings tab (`/casenet/cases/events.do`, pageName "events"): scheduled hearings and trials
// in `table.detailRecordTable`. A row whose first cell starts with MM/DD/YYYY (time beside it or
// in the next cell) begins a hearing, its last cell the description; the following labelled rows
// (`Judge:`, `Location:`, …) become its details. No real saved events page exists yet: this follows
// the docket tab's conventions and the hand-made fixture in tests/fixtures/casenet/events/.

export type Hearing = { date: string; time: string | null; description: string; details: Record<string, string> };
export type EventsPage = { caseNumber: string; courtId: string | null; caption: string | null; hearings: Hearing[] };

const DATE_START = /^(\d{1,2}\/\d{1,2}\/\d{4})\b/;
const TIME = /\b(\d{1,2}:\d{2}\s*[AP]\.?M\.?)/i;

export const parseOldEvents = (html: string): Parsed<EventsPage> => readOldEvents(parseOldPage(html));

export function readOldEvents(page: OldPage): Parsed<EventsPage> {
  const identity = readCaseIdentity(page);
  if (identity.caseNumber === null) return fail('layout-changed', 'hearings page has no case number');
  if (page.detailTables.length === 0) return fail('layout-changed', 'hearings table (table.detailRecordTable) is missing');
  const hearings: Hearing[] = [];
  let current: Hearing | null = null;
  for (const table of page.detailTables) {
    for (const row of rowsOf(table)) {
      const cells = cellsOf(row);
      const first = cells[0];
      if (first === undefined || hasClass(first, 'detailSeperator') || hasClass(first, 'detailThinSeperator')) continue;
      const dateText = DATE_START.exec(textOf(first) ?? '')?.[1];
      if (dateText !== undefined) {
        const date = usDateToIso(dateText);
        if (date === null) return fail('layout-changed', `hearing date "${dateText}" is not a calendar date`);
        current = { date, time: TIME.exec(textOf(row) ?? '')?.[1]?.toUpperCase() ?? null, description: descriptionOf(cells), details: {} };
        hearings.push(current);
      } else if (current !== null) readDetail(cells, current.details);
    }
  }
  return { ok: true, value: { caseNumber: identity.caseNumber, courtId: identity.courtId, caption: identity.caption, hearings } };
}

function descriptionOf(cells: Element[]): string {
  for (let i = cells.length - 1; i > 0; i--) {
    const cell = cells[i];
    const text = cell === undefined ? null : textOf(cell);
    if (text !== null && text.replace(TIME, '').trim() !== '') return text;
  }
  return '';
}

/** `td.detailLabels "Judge:" | td.detailData value`, or a data cell starting `<b>Judge:</b> value`. */
function readDetail(cells: Element[], details: Record<string, string>): void {
  cells.forEach((cell, i) => {
    const next = cells[i + 1];
    const labelText = hasClass(cell, 'detailLabels') ? textOf(cell) : null;
    if (labelText?.endsWith(':') && next !== undefined) {
      const value = textOf(next);
      if (value !== null) details[labelText.slice(0, -1).trim()] = value;
      return;
    }
    const labelled = hasClass(cell, 'detailData') ? leadingLabel(cell) : null;
    const value = labelled ? textOf(labelled.rest) : null;
    if (labelled && value !== null) details[labelled.label.slice(0, -1).trim()] = value;
  });
}
