import { z } from 'zod';
import { fail, type DocketEntry, type DocketPage, type Parsed } from '../types';
import { normalizeText, usDateToIso } from '../normalize';

// New case view docket: the JSON body of `cases/docketEntriesSearch.do` →
// `{ docketTabModelList: [...] }`, newest first. Entries come out in the body's order with the
// same normalisation as the old page, so one entry read from either generation is identical
// (apart from `sequence`). Associated-entry details are not part of the entry. A confidential
// entry keeps its public title only: nothing else of it is read.

const Text = z.string().nullish();
const EntryJson = z.object({
  filingDate: z.string(),
  docketDesc: Text,
  docketText: Text,
  sequenceNumber: z.number().int().nullish(),
  filingPartyFullName: Text,
  behalfOfPartiesNames: Text,
  scheduledFor: Text,
  confidential: z.boolean().nullish(),
});
const DocketJson = z.object({
  docketTabModelList: z.array(EntryJson),
  caseNumber: Text,
  courtId: Text,
});

export type CaseRef = { caseNumber?: string | null; courtId?: string | null };

/** `docketEntriesSearch.do` JSON (already parsed) → DocketPage; the case comes from `ref` or the body. */
export function parseNewDocket(body: unknown, ref: CaseRef = {}): Parsed<DocketPage> {
  const parsed = DocketJson.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('layout-changed', `docket JSON has an unexpected shape at ${issue?.path.join('.') || 'top level'}: ${issue?.message ?? ''}`);
  }
  const caseNumber = normalizeText(ref.caseNumber) ?? normalizeText(parsed.data.caseNumber);
  if (caseNumber === null) return fail('layout-changed', 'docket JSON does not say which case it belongs to (give its URL)');
  const entries: DocketEntry[] = [];
  for (const item of parsed.data.docketTabModelList) {
    const date = usDateToIso(item.filingDate);
    if (date === null) return fail('layout-changed', `docket entry date "${item.filingDate.slice(0, 40)}" is not MM/DD/YYYY`);
    entries.push(toEntry(date, item));
  }
  const courtId = normalizeText(ref.courtId) ?? normalizeText(parsed.data.courtId);
  return { ok: true, value: { caseNumber, courtId, caption: null, entries } };
}

function toEntry(date: string, item: z.infer<typeof EntryJson>): DocketEntry {
  const title = normalizeText(item.docketDesc) ?? '';
  const sequence = item.sequenceNumber ?? null;
  if (item.confidential === true) return { date, title, text: null, filedBy: null, onBehalfOf: null, scheduledFor: null, sequence };
  return {
    date,
    title,
    text: normalizeText(item.docketText),
    filedBy: normalizeText(item.filingPartyFullName),
    onBehalfOf: normalizeText(item.behalfOfPartiesNames),
    scheduledFor: normalizeText(item.scheduledFor),
    sequence,
  };
}
