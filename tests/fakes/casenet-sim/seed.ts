import type { CaseSource } from '../../../shared/casenet/types';
import type { CaseInput, EntryInput } from './state';

// The simulator's starting cases. Deterministic: the same `now` gives the same data (only the
// future hearing of 22SL-CC00807 depends on it, so it is always ahead of the current date).
// Names other than those from the public sample pages are invented.

const pad = (n: number): string => String(n).padStart(2, '0');
const isoOf = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const usOf = (iso: string): string => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

/** A weekday about three weeks after `now` (UTC date). */
function hearingDate(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 21));
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return isoOf(d);
}

/** The seeded Doe v. Acme case as tests name it: its case key, its old-page source, and its control path. */
export const DOE = {
  key: 'CT22|22SL-CC00807',
  source: { origin: 'https://www.courts.mo.gov', base: 'casenet', generation: 'old', courtId: 'SMPDB0010_CT22', caseNumber: '22SL-CC00807' } satisfies CaseSource as CaseSource,
  simPath: '/__sim/cases/SMPDB0010_CT22/22SL-CC00807',
};

function doeVAcme(now: Date): CaseInput {
  const plaintiffAtty = 'MARGARET ANN OKAFOR';
  const defenseAtty = 'THEODORE JAMES VANCE';
  const hearing = usOf(hearingDate(now));
  return {
    courtId: 'SMPDB0010_CT22',
    caseNumber: '22SL-CC00807',
    caption: 'JANE DOE V ACME HOLDINGS LLC',
    courtDesc: '22nd Judicial Circuit (City of St. Louis)',
    fields: {
      'Judge/Commissioner Assigned': 'HARGROVE, ELLEN R',
      'Date Filed': '01/14/2022',
      Location: 'City of St. Louis',
      'Case Type': 'CC Breach of Contract',
      Disposition: 'Not Disposed',
    },
    parties: [
      { name: 'DOE, JANE', role: 'Plaintiff', attorney: 'OKAFOR, MARGARET ANN', address: '1200 MARKET ST\nSAINT LOUIS, MO 63103' },
      { name: 'ACME HOLDINGS LLC', role: 'Defendant', attorney: 'VANCE, THEODORE JAMES', address: '500 N BROADWAY\nSAINT LOUIS, MO 63102' },
    ],
    entries: [
      { date: '2022-01-14', title: 'Judge Assigned' },
      { date: '2022-01-14', title: 'Pet Filed in Circuit Ct', text: 'Petition for Breach of Contract and Unjust Enrichment;\nExhibit A; Exhibit B.', filedBy: plaintiffAtty, onBehalfOf: 'JANE DOE' },
      { date: '2022-01-14', title: 'Filing Info Sheet eFiling', filedBy: plaintiffAtty },
      {
        date: '2022-02-03',
        title: 'Summons Issued-Circuit',
        text: 'Document ID: 22-SMCC-1234, for ACME HOLDINGS LLC. Summons attached in PDF form for attorney to retrieve from secure Case.net and process for service.',
      },
      {
        date: '2022-02-21',
        title: 'Corporation Served',
        text: 'Document ID - 22-SMCC-1234; Served To - ACME HOLDINGS LLC; Server - SPECIAL PROCESS SERVER; Served Date - 17-FEB-22; Served Time - 10:05:00; Service Type - Special Process Server; Reason Description - Served',
      },
      {
        date: '2022-03-18',
        title: 'Motion to Dismiss',
        text: "Defendant's Motion to Dismiss Plaintiff's Petition for Failure to State a Claim & Memorandum in Support.",
        filedBy: defenseAtty,
        onBehalfOf: 'ACME HOLDINGS LLC',
      },
      {
        date: '2022-03-18',
        title: 'Hearing Scheduled',
        text: "Hearing on Defendant's Motion to Dismiss.",
        scheduledFor: `${hearing}; 9:00 AM ; HARGROVE, ELLEN R; City of St. Louis`,
        associated: { date: '2022-03-18', description: 'Motion to Dismiss' },
      },
      { date: '2022-03-25', title: 'Notice of Hearing Filed', text: 'Notice of Hearing; Electronic Filing Certificate of Service.', filedBy: defenseAtty, onBehalfOf: 'ACME HOLDINGS LLC' },
    ],
  };
}

/** Real entries from samples/old-docket-14BA-CV01093.html (a public record), oldest first. */
function brittVCurators(): CaseInput {
  const barry = 'RICHARD ANDREW BARRY III';
  const miller = 'AMANDA ALLEN MILLER';
  const curators = 'THE CURATORS OF THE UNIVERSITY OF MISSOURI';
  const deposition = (who: string, behalf: string | null): EntryInput => ({
    date: '2015-03-04',
    title: 'Notice to Take Deposition',
    text: `Notice to Take Deposition - ${who}; Electronic Filing Certificate of Service.`,
    filedBy: barry,
    onBehalfOf: behalf,
  });
  return {
    courtId: 'CT13',
    caseNumber: '14BA-CV01093',
    caption: 'LEIGH BRITT V THE CURATORS OF THE UNIVERSITY OF MI',
    courtDesc: '13th Judicial Circuit (Boone & Callaway Counties)',
    fields: { 'Judge/Commissioner Assigned': 'ASEL, JODIE C', 'Date Filed': '03/31/2014', Location: 'Boone', 'Case Type': 'CC Other Tort', Disposition: 'Not Disposed' },
    parties: [
      { name: 'BRITT, LEIGH', role: 'Plaintiff', attorney: 'BARRY, RICHARD ANDREW III' },
      { name: 'BRITT, STORMY', role: 'Plaintiff', attorney: 'BARRY, RICHARD ANDREW III' },
      { name: curators, role: 'Defendant', attorney: 'MILLER, AMANDA ALLEN' },
    ],
    entries: [
      { date: '2014-03-31', title: 'Judge Assigned' },
      { date: '2014-03-31', title: 'Pet Filed in Circuit Ct', text: 'Petition.', onBehalfOf: 'STORMY BRITT' },
      { date: '2014-03-31', title: 'Filing Info Sheet eFiling', filedBy: barry },
      {
        date: '2014-04-01',
        title: 'Judge/Clerk - Note',
        text: 'No service fees received for service by Boone County Sheriff. Upon receipt of service fees sumomons will be generated. Notice sent to filing party.',
      },
      {
        date: '2014-04-04',
        title: 'Summons Issued-Circuit',
        text: `Document ID: 14-SMCC-491, for ${curators}.\nATTORNEYS ARE TO PRINT TWO COPIES OF SUMMONS AND ISSUE FOR SERVICE.`,
      },
      {
        date: '2014-04-16',
        title: 'Agent Served',
        text: `Document ID - 14-SMCC-491;   Served To - ${curators};   Server - SO SHERIFF OF BOONE COUNTY - COLUMBIA;   Served Date - 15-APR-14;   Served Time - 13:25:00;   Service Type - Sheriff Department;   Reason Description -  Served;   Service Text - SERVED ON KELLY MESCHER`,
      },
      { date: '2014-05-12', title: 'Answer Filed', filedBy: 'JOHN LANCE ROARK', onBehalfOf: curators },
      {
        date: '2014-07-31',
        title: 'Certificate of Service',
        text: "Certificate of Service of Defendant's Answers to Plaintiff's First Se of Interrogatories; Electronic Filing Certificate of Service.",
        filedBy: miller,
        onBehalfOf: curators,
      },
      { date: '2014-09-05', title: 'Subpoena Issued' },
      { date: '2015-01-27', title: 'Motion for Leave', text: 'Plaintiffs Motion to File First Amended Petition; Electronic Filing Certificate of Service.', filedBy: barry },
      { date: '2015-01-27', title: 'Other Proposed Document Filed', text: 'Propoosed First Amended Petition; Electronic Filing Certificate of Service.', filedBy: barry },
      { date: '2015-02-10', title: 'Answer Filed', text: 'Answer to First Amended Petition; Electronic Filing Certificate of Service.', filedBy: miller, onBehalfOf: curators },
      deposition('Frankie Minor', null),
      deposition('Stan Freeman', null),
      deposition('Cathy Scroggs', null),
      deposition('Harriet Green-Sappington', 'LEIGH BRITT, STORMY BRITT'),
    ],
  };
}

/** The header from samples/new-header-171155061.json (a traffic ticket), with a short docket. */
function stVSpaulding(): CaseInput {
  return {
    courtId: 'CT12',
    caseNumber: '171155061',
    caption: 'ST V PAULINE ANN SPAULDING',
    courtDesc: '12th Judicial Circuit',
    fields: { 'Judge/Commissioner Assigned': 'SCHEIBE, RICHARD L', 'Date Filed': '03/28/2024', Location: 'Warren', 'Case Type': 'Criminal/Infract.- see Charges', Disposition: 'Not Disposed' },
    parties: [{ name: 'SPAULDING, PAULINE ANN', role: 'Defendant', yearOfBirth: '1968' }],
    charges: [{ filingDate: '2024-03-15', description: 'Failure To Register Motor Vehicle', statute: '301.020', level: 'Misdemeanor B' }],
    entries: [
      { date: '2024-03-28', title: 'Judge Assigned' },
      { date: '2024-03-28', title: 'Citation Filed', text: 'Uniform Citation 171155061: Failure To Register Motor Vehicle.' },
      {
        date: '2024-03-29',
        title: 'Hearing Scheduled',
        text: 'Initial appearance.',
        scheduledFor: '05/07/2024; 1:00 PM ; SCHEIBE, RICHARD L; Warren',
      },
      { date: '2024-05-07', title: 'Hearing Continued/Rescheduled', text: "Continued at Def't's request." },
    ],
  };
}

const LONG_TITLES = [
  ['Motion Filed', 'Motion to Compel Discovery; Electronic Filing Certificate of Service.'],
  ['Certificate of Service', "Certificate of Service of Defendant's Responses to Interrogatories; Electronic Filing Certificate of Service."],
  ['Notice of Deposition', 'Notice to Take Deposition of corporate representative.'],
  ['Order', 'Court grants motion. Parties to confer on schedule.'],
  ['Hearing Continued/Rescheduled', null],
  ['Memorandum Filed', 'Memorandum in Support of Motion for Partial Summary Judgment; Exhibits 1 - 14.'],
  ['Judge/Clerk - Note', 'Courtesy copies received in chambers.'],
  ['Subpoena Issued', null],
] as const;
const LONG_FILERS = [null, 'GRANT OLIVER PEMBERTON', 'LUCIA MARIE FONTAINE', 'SAMUEL T. ABERNATHY III'] as const;

/** 500 entries from a fixed LCG: several a day at times, spread over years (for benchmarks). */
function longDocket(): CaseInput {
  let seed = 1616;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const day = new Date(Date.UTC(2016, 2, 1));
  const entries: EntryInput[] = [{ date: '2016-03-01', title: 'Judge Assigned' }];
  for (let i = 1; i < 500; i++) {
    day.setUTCDate(day.getUTCDate() + (next(3) === 0 ? 0 : 1 + next(6)));
    const [title, text] = LONG_TITLES[next(LONG_TITLES.length)] ?? LONG_TITLES[0];
    const filedBy = LONG_FILERS[next(LONG_FILERS.length)] ?? null;
    const date = isoOf(day);
    entries.push({
      date,
      title,
      text: text === null ? null : `${text} (#${i})`,
      filedBy,
      onBehalfOf: filedBy === null ? null : next(2) === 0 ? 'MIDWEST FARMERS BANK NA' : 'RIVERSIDE DEVELOPMENT GROUP LLC, ET AL',
      scheduledFor: title === 'Hearing Continued/Rescheduled' ? `${usOf(date)}; 9:30 AM ; DIVISION 3; Jackson County` : null,
    });
  }
  return {
    courtId: 'SMPDB0005_CT16',
    caseNumber: '1616-CV24680',
    caption: 'MIDWEST FARMERS BANK NA V RIVERSIDE DEVELOPMENT GROUP LLC ET AL',
    courtDesc: '16th Judicial Circuit (Jackson County)',
    fields: { 'Judge/Commissioner Assigned': 'DIVISION 3', 'Date Filed': '03/01/2016', Location: 'Jackson - Kansas City', 'Case Type': 'CC Contract/Commercial', Disposition: 'Not Disposed' },
    parties: [
      { name: 'MIDWEST FARMERS BANK NA', role: 'Plaintiff', attorney: 'PEMBERTON, GRANT OLIVER' },
      { name: 'RIVERSIDE DEVELOPMENT GROUP LLC', role: 'Defendant', attorney: 'FONTAINE, LUCIA MARIE' },
    ],
    entries,
  };
}

function appellate(): CaseInput {
  return {
    courtId: 'OSCDB0024_EAP',
    caseNumber: 'ED112233',
    caption: 'HARLAN P WEBB, APPELLANT V. DIRECTOR OF REVENUE, RESPONDENT',
    courtDesc: 'Missouri Court of Appeals, Eastern District',
    fields: { 'Date Filed': '06/02/2023', Location: 'Eastern District', 'Case Type': 'Civil Appeal', Disposition: 'Not Disposed' },
    parties: [
      { name: 'WEBB, HARLAN P', role: 'Appellant', attorney: 'ABERNATHY, SAMUEL T. III' },
      { name: 'DIRECTOR OF REVENUE', role: 'Respondent' },
    ],
    entries: [
      { date: '2023-06-02', title: 'Notice of Appeal Filed', text: 'Notice of appeal from the Circuit Court of St. Louis County, 22SL-CC09876.', filedBy: 'SAMUEL T. ABERNATHY III', onBehalfOf: 'HARLAN P WEBB' },
      { date: '2023-06-02', title: 'Docket Fee Paid' },
      { date: '2023-08-14', title: 'Legal File Filed', filedBy: 'SAMUEL T. ABERNATHY III' },
      { date: '2023-10-30', title: "Appellant's Brief Filed", filedBy: 'SAMUEL T. ABERNATHY III', onBehalfOf: 'HARLAN P WEBB' },
      { date: '2023-12-29', title: "Respondent's Brief Filed", onBehalfOf: 'DIRECTOR OF REVENUE' },
      { date: '2024-02-20', title: 'Case Submitted', text: 'Submitted on briefs.', scheduledFor: '02/20/2024; 9:30 AM ; DIVISION TWO; Eastern District' },
    ],
  };
}

/** All seeded cases, for the given current time. */
export function seedCases(now: Date = new Date()): CaseInput[] {
  return [doeVAcme(now), brittVCurators(), stVSpaulding(), longDocket(), appellate()];
}
