import type { AlertFacts } from '../alert-facts';
import { spokenCaseNumber, xml } from './phone';
import { byCase, changesOnCases, KIND_LABEL, oneLine, plural } from './wording';

/** Longest digest SMS (two segments' worth, like the alert SMS). */
export const DIGEST_SMS_MAX = 320;
/** Cases a digest call reads out; the rest are counted ("and 2 more cases"). */
export const DIGEST_CALL_CASES = 5;

/** A case's newest alert in a few words: the entry title; other kinds say what they are ("Corrected entry: …"). */
function newest(group: AlertFacts[], max: number): { f: AlertFacts; what: string } {
  const f = group[group.length - 1] as AlertFacts;
  const title = oneLine(f.entry.title || '(untitled entry)', max);
  return { f, what: f.kind === 'new' ? title : `${KIND_LABEL[f.kind]}: ${title}` };
}

/**
 * The digest SMS: how many changes on how many cases, then each case number with its newest entry
 * (as many as fit in DIGEST_SMS_MAX, then "+N more"), and the case link when there is one case.
 * Nothing depends on the time it is sent, so a retry is identical.
 */
export function digestSms(alerts: AlertFacts[]): string {
  const cases = byCase(alerts).map((g) => newest(g, 60));
  const head = `Docket Watch: ${changesOnCases(alerts.length, cases.length)}: `;
  const tail = cases.length === 1 ? ` ${(cases[0] as { f: AlertFacts }).f.caseUrl}` : '. Details in your Docket Watch dashboard.';
  const items = cases.map((c) => `${c.f.caseNumber} ${c.what}`);
  const listOf = (k: number) => [...items.slice(0, k), ...(k < items.length ? [`+${items.length - k} more`] : [])].join('; ');
  let k = items.length;
  while (k > 1 && head.length + listOf(k).length + tail.length > DIGEST_SMS_MAX) k -= 1;
  return `${head}${listOf(k)}${tail}`;
}

/** The digest call's TwiML: the count, then each case number (read out) with its newest entry, at most DIGEST_CALL_CASES. */
export function digestTwiml(alerts: AlertFacts[]): string {
  const cases = byCase(alerts);
  const sentences = [`This is Docket Watch with your daily digest: ${changesOnCases(alerts.length, cases.length)}.`];
  for (const group of cases.slice(0, DIGEST_CALL_CASES)) {
    const { f, what } = newest(group, 150);
    sentences.push(`Case ${spokenCaseNumber(f.caseNumber)}: ${what}.`);
  }
  if (cases.length > DIGEST_CALL_CASES) sentences.push(`And ${plural(cases.length - DIGEST_CALL_CASES, 'more case', 'more cases')}.`);
  sentences.push('The details are in your Docket Watch dashboard. Goodbye.');
  return `<Response>${sentences.map((s) => `<Say>${xml(s)}</Say>`).join('')}</Response>`;
}
