import { decodeHTML } from 'entities';

// The one place where Case.net text is normalised. Both page generations (old JSP HTML and the
// new JSON endpoints) go through these functions, so the same docket entry yields the same values.

// JS `\s` includes U+00A0 (`&nbsp;`) and other Unicode spaces. Replacing every run of two or more
// and every lone non-space one gives the same text as replacing every run, without rewriting each
// single space between words.
const WHITESPACE_RUN = /\s{2,}|[^\S ]/g;
/** Text that is only whitespace and `&nbsp;` (which decodes to whitespace). */
const BLANK = /^(?:\s|&nbsp;)*$/;

/**
 * Decode HTML entities once (`&#039;` → `'`, `&amp;` → `&`, `&nbsp;` → space), collapse every
 * whitespace run to one space, trim. Empty or absent → null.
 *
 * Input must be raw page text (entities not yet decoded): decoding twice would turn a literal
 * `&amp;lt;` into `<`. The HTML helpers parse with entity decoding off for that reason.
 */
export function normalizeText(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  // Without entities, trimming first gives the same result (trim() and `\s` agree on what is
  // whitespace) and skips the regex for the many indentation-only text nodes.
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  if (!trimmed.includes('&')) return trimmed.replace(WHITESPACE_RUN, ' ');
  if (BLANK.test(trimmed)) return null;
  // Collapse first (page indentation makes raw text long), decode, collapse again (`&nbsp;`).
  let text = raw.replace(WHITESPACE_RUN, ' ');
  if (text.includes('&')) text = decodeHTML(text).replace(WHITESPACE_RUN, ' ');
  text = text.trim();
  return text === '' ? null : text;
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** `'03/04/2015'` → `'2015-03-04'`; anything that is not a real calendar date → null. */
export function usDateToIso(raw: string | null | undefined): string | null {
  const text = normalizeText(raw);
  if (text === null) return null;
  const match = US_DATE.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  const day = Number(match[2]);
  const year = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
