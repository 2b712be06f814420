import type { CaseInput, EntryInput } from './state';

// Any number of made-up cases for load tests (the watch benchmark tracks 10,000): deterministic,
// cheap to build, each with its own short docket of realistic-looking entries. Court CT22
// (`SMPDB0010_CT22` in URLs), numbers `22GN-CV00000`, `22GN-CV00001`, … (never a seeded case).

const TITLES = [
  'Judge Assigned',
  'Pet Filed in Circuit Ct',
  'Filing Info Sheet eFiling',
  'Summons Issued-Circuit',
  'Corporation Served',
  'Entry of Appearance',
  'Motion to Dismiss',
  'Memorandum in Support',
  'Notice of Hearing',
  'Hearing Held',
  'Order',
  'Answer Filed',
  'Interrogatories Filed',
  'Request for Production',
  'Motion for Continuance',
  'Hearing Continued/Rescheduled',
];

export const GENERATED_COURT = 'SMPDB0010_CT22';

/** The case number of generated case `i`. */
export const generatedNumber = (i: number): string => `22GN-CV${String(i).padStart(5, '0')}`;

const isoDay = (start: number, day: number): string => new Date(start + day * 86_400_000).toISOString().slice(0, 10);

/** Generated case `i`: 8 to 40 entries, dated from 2021 on. */
export function generatedCase(i: number): CaseInput {
  const count = 8 + ((i * 7) % 33);
  const start = Date.UTC(2021, 0, 4) + (i % 365) * 86_400_000;
  const entries: EntryInput[] = Array.from({ length: count }, (_, j) => ({
    date: isoDay(start, j * 9),
    title: TITLES[(i + j) % TITLES.length] ?? 'Order',
    text: j % 3 === 0 ? `Document ID ${i}-${j}; filed electronically. ${'Lorem ipsum dolor sit amet. '.repeat(1 + (j % 4))}` : null,
    filedBy: j % 2 === 0 ? `ATTORNEY ${(i * 13 + j) % 997}` : null,
    onBehalfOf: j % 4 === 0 ? `PARTY ${i}` : null,
  }));
  return {
    courtId: GENERATED_COURT,
    caseNumber: generatedNumber(i),
    caption: `PLAINTIFF ${i} V DEFENDANT ${i}`,
    courtDesc: '22nd Judicial Circuit (City of St. Louis)',
    fields: { 'Date Filed': `${isoDay(start, 0).slice(5, 7)}/${isoDay(start, 0).slice(8, 10)}/${isoDay(start, 0).slice(0, 4)}`, 'Case Type': 'CC Breach of Contract' },
    parties: [
      { name: `PLAINTIFF ${i}`, role: 'Plaintiff' },
      { name: `DEFENDANT ${i}`, role: 'Defendant' },
    ],
    entries,
  };
}

/** Generated cases 0 … n-1. */
export function generatedCases(n: number): CaseInput[] {
  return Array.from({ length: n }, (_, i) => generatedCase(i));
}
