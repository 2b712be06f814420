import type { AlertFacts } from '../alert-facts';
import { KIND_LABEL, oneLine } from './wording';

/** The SMS: case number, what happened, the entry title, and the case link. Short: at most ~320 characters. */
export function alertSms(f: AlertFacts): string {
  return `Docket Watch: ${f.caseNumber} ${KIND_LABEL[f.kind].toLowerCase()}: ${oneLine(f.entry.title || '(untitled entry)', 120)} ${f.caseUrl}`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const xml = (s: string) => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

/** A case number read out character by character: "22SL-CC00807" → "2 2 S L, C C 0 0 8 0 7". */
export function spokenCaseNumber(caseNumber: string): string {
  return caseNumber
    .split('-')
    .map((part) => part.split('').join(' '))
    .join(', ');
}

/** The call's TwiML: what happened, the case number and the entry title, said twice. */
export function alertTwiml(f: AlertFacts): string {
  const sentence = `${KIND_LABEL[f.kind]} in case ${spokenCaseNumber(f.caseNumber)}: ${oneLine(f.entry.title || 'untitled entry', 200)}.`;
  const say = `<Say>${xml(sentence)}</Say>`;
  return `<Response><Say>This is Docket Watch.</Say>${say}<Pause length="1"/><Say>Again:</Say>${say}</Response>`;
}

/** The SMS with a phone confirmation code. */
export const phoneCodeSms = (code: string) => `Docket Watch: your code is ${code}. It works for 10 minutes. If you did not ask for it, ignore this message.`;
