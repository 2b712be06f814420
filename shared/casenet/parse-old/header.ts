import { fail, type HeaderPage, type Parsed } from '../types';
import { byTag, cellsOf, findAllIn, hasClass, textOf } from '../html';
import { parseOldPage, readCaseIdentity, type OldPage } from './common';

// Old case header tab (`/casenet/cases/header.do`): label/value pairs in `td.detailLabels` /
// `td.detailData` cells ("Judge/Commissioner Assigned:", "Date Filed:", "Location:", …). Field
// names drop the trailing colon; values are kept as shown (dates stay MM/DD/YYYY, like the new
// site's header JSON).

export const parseOldHeader = (html: string): Parsed<HeaderPage> => readOldHeader(parseOldPage(html));

export function readOldHeader(page: OldPage): Parsed<HeaderPage> {
  const identity = readCaseIdentity(page);
  if (identity.caseNumber === null) return fail('layout-changed', 'header page has no case number');
  const fields: Record<string, string> = {};
  for (const row of findAllIn(page.doc.children, byTag('tr'))) {
    const cells = cellsOf(row);
    cells.forEach((cell, i) => {
      const next = cells[i + 1];
      if (next === undefined || !hasClass(cell, 'detailLabels') || !hasClass(next, 'detailData')) return;
      const label = textOf(cell)?.replace(/\s*:$/, '');
      const value = textOf(next);
      if (label && value !== null && !(label in fields)) fields[label] = value;
    });
  }
  if (Object.keys(fields).length === 0) return fail('layout-changed', 'header page has no label/value cells');
  return { ok: true, value: { caseNumber: identity.caseNumber, courtId: identity.courtId, caption: identity.caption, fields } };
}
