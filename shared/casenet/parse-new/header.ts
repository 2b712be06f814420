import { z } from 'zod';
import { fail, type HeaderPage, type Parsed } from '../types';
import { normalizeText } from '../normalize';

// New case view header: the JSON body of `cases/newHeaderData.do`. Fields use the labels of the
// old header tab so both generations give the same record; values are normalised the same way.

const Text = z.string().nullish();
const HeaderJson = z.object({
  caseNumber: z.string(),
  courtId: Text,
  caseDesc: Text,
  location: Text,
  filingDate: Text,
  caseType: Text,
  judgeDetails: z.object({ formattedName: Text }).nullish(),
  caseDispositionDetail: z.object({ dispositionDescription: Text }).nullish(),
});

/** `newHeaderData.do` JSON (already parsed) → HeaderPage; a body of another shape fails. */
export function parseNewHeader(body: unknown): Parsed<HeaderPage> {
  const parsed = HeaderJson.safeParse(body);
  if (!parsed.success) return fail('layout-changed', `header JSON has an unexpected shape: ${parsed.error.issues[0]?.path.join('.') ?? '?'}`);
  const json = parsed.data;
  const caseNumber = normalizeText(json.caseNumber);
  if (caseNumber === null) return fail('layout-changed', 'header JSON has an empty caseNumber');
  const fields: Record<string, string> = {};
  const put = (label: string, value: string | null | undefined): void => {
    const text = normalizeText(value);
    if (text !== null) fields[label] = text;
  };
  put('Judge/Commissioner Assigned', json.judgeDetails?.formattedName);
  put('Date Filed', json.filingDate);
  put('Location', json.location);
  put('Case Type', json.caseType);
  put('Disposition', json.caseDispositionDetail?.dispositionDescription);
  return { ok: true, value: { caseNumber, courtId: normalizeText(json.courtId), caption: normalizeText(json.caseDesc), fields } };
}
