import { z } from 'zod';

/** ISO calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * One docket entry as Case.net shows it, after whitespace normalisation (entities decoded,
 * `&nbsp;` counted as space, runs collapsed, trimmed; empty → null).
 */
export const DocketEntry = z.object({
  date: IsoDate,
  title: z.string().max(2_000),
  text: z.string().max(50_000).nullable(),
  filedBy: z.string().max(2_000).nullable(),
  onBehalfOf: z.string().max(5_000).nullable(),
  scheduledFor: z.string().max(2_000).nullable(),
  /** The new site's `sequenceNumber`; null on old pages. Never part of the fingerprint. */
  sequence: z.number().int().nullable().default(null),
});
export type DocketEntry = z.infer<typeof DocketEntry>;

/** Which Case.net page generation a case was read from (and is refreshed from). */
export const Generation = z.enum(['old', 'new']);
export type Generation = z.infer<typeof Generation>;

/**
 * Where a case lives on Case.net: enough to build its refresh URL (allowlisted hosts only).
 * `courtId` here is the raw id the site uses in URLs (may carry a `SMPDB0010_` prefix).
 */
export const CaseSource = z.object({
  origin: z.enum(['https://www.courts.mo.gov', 'https://courts.mo.gov', 'http://www.courts.mo.gov', 'http://courts.mo.gov']),
  base: z.enum(['casenet', 'cnet']),
  generation: Generation,
  courtId: z.string().min(1).max(40),
  caseNumber: z.string().min(1).max(40),
});
export type CaseSource = z.infer<typeof CaseSource>;

/** Header facts: caption plus label → value pairs as Case.net labels them. */
export const CaseHeader = z.object({
  caption: z.string().max(500).nullable(),
  fields: z.record(z.string().max(200), z.string().max(2_000)),
});
export type CaseHeader = z.infer<typeof CaseHeader>;

/** A whole docket as read at one moment: what diffing and storage work on. */
export const CaseSnapshot = z.object({
  key: z.string(),
  caption: z.string().nullable(),
  fields: z.record(z.string(), z.string()),
  entries: z.array(DocketEntry),
  fetchedAt: z.number().int(),
});
export type CaseSnapshot = z.infer<typeof CaseSnapshot>;

/** Why a page gave no usable data. None of these may ever be read as "docket now empty". */
export const FailureReason = z.enum([
  'not-found', // Case.net's 200 page saying no case matched
  'maintenance', // scheduled or unscheduled maintenance page
  'bot-check', // access denied / automated-traffic challenge
  'truncated', // page cut off before the end of the docket
  'layout-changed', // looks like a case page, but the expected structure is missing
  'not-a-case-page', // some other page (search form, another site)
  'http-error', // non-2xx answer (set by fetchers, never by parsers)
  'network-error', // no answer (set by fetchers)
]);
export type FailureReason = z.infer<typeof FailureReason>;

export type Failure = { ok: false; reason: FailureReason; message: string };
export type Parsed<T> = { ok: true; value: T } | Failure;

export const fail = (reason: FailureReason, message: string): Failure => ({ ok: false, reason, message });

/** One row of a Case.net search result list. */
export const SearchRow = z.object({
  caseNumber: z.string(),
  courtId: z.string().nullable(),
  caption: z.string().nullable(),
  filingDate: IsoDate.nullable(),
  location: z.string().nullable(),
  caseType: z.string().nullable(),
});
export type SearchRow = z.infer<typeof SearchRow>;

/** A parsed docket page (old `searchDockets.do`, or the new JSON endpoint). */
export type DocketPage = {
  caseNumber: string;
  courtId: string | null; // raw id as the page gives it (prefix kept)
  caption: string | null;
  entries: DocketEntry[];
};

/** A parsed header page (old `header.do`, or new `newHeaderData.do` JSON). */
export type HeaderPage = {
  caseNumber: string;
  courtId: string | null;
  caption: string | null;
  fields: Record<string, string>;
};
