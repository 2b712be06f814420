import { z } from 'zod';

/**
 * The one case-key builder. A case is `{courtId, caseNumber}`; its key is `CT22|22SL-CC00807`:
 * court id upper-cased with any database prefix (`SMPDB0010_`, `OSCDB0024_`) removed, case number
 * trimmed and upper-cased. The same number can exist in two courts, so the key always has both.
 */

/** Database prefixes Case.net puts before a court id in URLs and forms: `SMPDB0010_CT22`. */
const DB_PREFIX = /^[A-Z]{2,10}DB\d{1,6}_/;
/** A bare court id: `CT22`, `SUP`, `EAP`. */
const COURT_ID = /^[A-Z0-9]{2,16}$/;
/**
 * Case.net case numbers: `20SL-CC00807`, `1622-FC01709-01`, `0722-CV12345`, tickets `171155061`,
 * appellate `SC99999`. Permissive on purpose (formats vary by court and era): letters, digits and
 * inner dashes, 5–25 characters, at least one digit.
 */
const CASE_NUMBER = /^(?=.*\d)[A-Z0-9](?:[A-Z0-9]|-(?!-)){3,23}[A-Z0-9]$/;

/** `' smpdb0010_ct22 '` → `'CT22'`; null when what is left is not a court id. */
export function normalizeCourtId(raw: string): string | null {
  const id = raw.trim().toUpperCase().replace(DB_PREFIX, '');
  return COURT_ID.test(id) ? id : null;
}

/** `' 20sl-cc00807 '` → `'20SL-CC00807'`; null when it is not shaped like a Case.net number. */
export function normalizeCaseNumber(raw: string): string | null {
  const number = raw.trim().toUpperCase();
  return CASE_NUMBER.test(number) ? number : null;
}

/** The key of a case, or null when either part is invalid. */
export function tryCaseKey(courtId: string, caseNumber: string): string | null {
  const court = normalizeCourtId(courtId);
  const number = normalizeCaseNumber(caseNumber);
  return court && number ? `${court}|${number}` : null;
}

/** The key of a case; throws when either part is invalid. */
export function caseKey(courtId: string, caseNumber: string): string {
  const key = tryCaseKey(courtId, caseNumber);
  if (key === null) throw new Error(`not a Case.net case: court ${JSON.stringify(courtId)}, number ${JSON.stringify(caseNumber)}`);
  return key;
}

/** Splits a key built by `caseKey`; null for anything else (including non-normalised parts). */
export function parseCaseKey(key: string): { courtId: string; caseNumber: string } | null {
  const parts = key.split('|');
  if (parts.length !== 2) return null;
  const [courtId = '', caseNumber = ''] = parts;
  return normalizeCourtId(courtId) === courtId && normalizeCaseNumber(caseNumber) === caseNumber
    ? { courtId, caseNumber }
    : null;
}

export function isCaseKey(s: string): boolean {
  return parseCaseKey(s) !== null;
}

/** For boundaries (messages, storage, HTTP bodies): a string that is exactly a case key. */
export const CaseKey = /* @__PURE__ */ z.string().max(100).refine(isCaseKey, { message: 'not a case key (expected e.g. CT22|22SL-CC00807)' });
