import { fail, type Parsed } from '../types';
import { cellsOf, hasClass, rowsOf, textOf } from '../html';
import { parseOldPage, readCaseIdentity, type OldPage } from './common';

// Old parties tab (`/casenet/cases/parties.do`, "Party Information"). Each party row of a
// `table.detailRecordTable` has `td.detailSeperator` cells: party | "represented by" | attorney,
// each written `LAST , FIRST MIDDLE , Role`. The "ADDITIONAL ATTORNEYS" table repeats the shape
// with the party cells empty. Addresses and years of birth are not read.

export type Party = { role: string | null; name: string };
export type PartiesPage = { caseNumber: string; courtId: string | null; caption: string | null; parties: Party[] };

export const parseOldParties = (html: string): Parsed<PartiesPage> => readOldParties(parseOldPage(html));

export function readOldParties(page: OldPage): Parsed<PartiesPage> {
  const identity = readCaseIdentity(page);
  if (identity.caseNumber === null) return fail('layout-changed', 'parties page has no case number');
  if (page.detailTables.length === 0) return fail('layout-changed', 'parties table (table.detailRecordTable) is missing');
  const parties: Party[] = [];
  for (const table of page.detailTables) {
    for (const row of rowsOf(table)) {
      const cells = cellsOf(row).filter((cell) => hasClass(cell, 'detailSeperator'));
      if (cells.length < 4) continue;
      for (const cell of [cells[1], cells[3]]) {
        const party = cell === undefined ? null : splitParty(textOf(cell));
        if (party !== null) parties.push(party);
      }
    }
  }
  return { ok: true, value: { caseNumber: identity.caseNumber, courtId: identity.courtId, caption: identity.caption, parties } };
}

/** `AGUILAR , RUBY I , Defendant` → `{ name: 'AGUILAR, RUBY I', role: 'Defendant' }`. */
export function splitParty(text: string | null): Party | null {
  if (text === null) return null;
  const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length === 0) return null;
  if (parts.length === 1) return { name: parts[0] ?? '', role: null };
  const role = parts.pop() ?? null;
  return { name: parts.join(', '), role };
}
