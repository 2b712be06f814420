import { z } from 'zod';
import { tryCaseKey } from '../../../shared/casenet/key';

// The simulator's whole world: cases with their docket entries, the active faults and the log of
// Case.net requests. Everything the HTTP layer serves is rendered from this on each request, so a
// control call (add an entry, set a fault) shows up on the very next page load.

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const OptionalText = z.string().max(50_000).nullish();

/** One docket entry as a test (or the seed) describes it; the sequence number is assigned. */
export const EntryInput = z.object({
  date: IsoDate,
  title: z.string().min(1).max(2_000),
  text: OptionalText,
  filedBy: OptionalText,
  onBehalfOf: OptionalText,
  /** Shown as `Scheduled For:`, e.g. `04/10/2015; 1:30 PM ; JUDGE NAME; Boone`. */
  scheduledFor: OptionalText,
  /** The entry this one refers to (`Associated Entries:` row / `associatedDocketInfoDetails`). */
  associated: z.object({ date: IsoDate, description: z.string().min(1).max(500) }).nullish(),
  /** The new site's `docketCode`; derived from the title when absent. */
  code: z.string().max(20).nullish(),
});
export type EntryInput = z.input<typeof EntryInput>;

/** A clerk's correction: any subset of the entry's fields. */
export const EntryPatch = EntryInput.partial();

export const PartyInput = z.object({
  name: z.string().min(1),
  role: z.string().min(1),
  attorney: z.string().nullish(),
  address: z.string().nullish(),
  yearOfBirth: z.string().nullish(),
});

export const ChargeInput = z.object({
  filingDate: IsoDate,
  description: z.string().min(1),
  statute: z.string(),
  level: z.string(),
});

export const CaseInput = z.object({
  /** The court id as Case.net puts it in URLs (may carry a `SMPDB0010_` prefix). */
  courtId: z.string().min(1).max(40),
  caseNumber: z.string().min(1).max(40),
  caption: z.string().min(1).max(500),
  courtDesc: z.string().max(200).nullish(),
  /** Header label → value, as the header tab labels them (`Judge/Commissioner Assigned`, `Date Filed`, …). */
  fields: z.record(z.string(), z.string()).optional(),
  entries: z.array(EntryInput).optional(),
  parties: z.array(PartyInput).optional(),
  charges: z.array(ChargeInput).optional(),
});
export type CaseInput = z.input<typeof CaseInput>;

export type SimEntry = {
  sequence: number;
  date: string;
  title: string;
  text: string | null;
  filedBy: string | null;
  onBehalfOf: string | null;
  scheduledFor: string | null;
  associated: { date: string; description: string } | null;
  code: string;
};

export type SimParty = z.infer<typeof PartyInput>;
export type SimCharge = z.infer<typeof ChargeInput>;

export type SimCase = {
  key: string;
  courtId: string;
  caseNumber: string;
  caption: string;
  courtDesc: string;
  fields: Record<string, string>;
  parties: SimParty[];
  charges: SimCharge[];
  /** In sequence order (oldest first); pages sort them for display. */
  entries: SimEntry[];
};

export const FAULT_MODES = ['503', '429', 'maintenance', 'timeout', 'layout', 'notfound', 'truncated', 'botcheck', 'empty'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export const FaultInput = z.object({
  mode: z.enum(FAULT_MODES),
  /** How many requests it applies to; unlimited until cleared when absent. */
  count: z.number().int().positive().nullish(),
  /** Seconds, sent as `Retry-After` (429 default 30; 503 only when given). */
  retryAfter: z.number().int().nonnegative().nullish(),
  /** Only requests whose path, query or form body contains this string. */
  match: z.string().min(1).nullish(),
});

export type Fault = { id: number; mode: FaultMode; remaining: number | null; retryAfter: number | null; match: string | null };

export type LoggedRequest = {
  t: number;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Fields of a form (or JSON) body, when the request had one. */
  body?: Record<string, string>;
  /** The fault that answered this request, if any. */
  fault?: FaultMode;
};

/** A short docket code from a title, like the new site's `docketCode` (`Motion to Dismiss` → `MTD`). */
const codeFor = (title: string): string =>
  title
    .split(/[^A-Za-z]+/)
    .filter((word) => word.length > 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('')
    .slice(0, 5) || 'XX';

const clean = (text: string | null | undefined): string | null => (text === undefined || text === null || text.trim() === '' ? null : text);

function toEntry(sequence: number, input: z.infer<typeof EntryInput>): SimEntry {
  return {
    sequence,
    date: input.date,
    title: input.title,
    text: clean(input.text),
    filedBy: clean(input.filedBy),
    onBehalfOf: clean(input.onBehalfOf),
    scheduledFor: clean(input.scheduledFor),
    associated: input.associated ?? null,
    code: input.code ?? codeFor(input.title),
  };
}

export class SimState {
  private cases = new Map<string, SimCase>();
  private faults: Fault[] = [];
  private nextFaultId = 1;
  readonly requests: LoggedRequest[] = [];

  constructor(private readonly initial: () => CaseInput[] = () => []) {
    this.reset();
  }

  /** Back to the initial cases; faults and the request log cleared. */
  reset(): void {
    this.cases.clear();
    this.faults = [];
    this.requests.length = 0;
    for (const input of this.initial()) this.addCase(input);
  }

  listCases(): SimCase[] {
    return [...this.cases.values()];
  }

  /** The case for a court id (prefixed or bare, any case) and number; undefined when unknown. */
  findCase(courtId: string | null | undefined, caseNumber: string | null | undefined): SimCase | undefined {
    const key = courtId && caseNumber ? tryCaseKey(courtId, caseNumber) : null;
    return key === null ? undefined : this.cases.get(key);
  }

  /** Adds (or replaces) a case. Throws on an invalid body or case id. */
  addCase(raw: unknown): SimCase {
    const input = CaseInput.parse(raw);
    const key = tryCaseKey(input.courtId, input.caseNumber);
    if (key === null) throw new z.ZodError([{ code: 'custom', path: ['caseNumber'], message: 'not a Case.net court id + case number', input: raw }]);
    const simCase: SimCase = {
      key,
      courtId: input.courtId.trim(),
      caseNumber: input.caseNumber.trim().toUpperCase(),
      caption: input.caption,
      courtDesc: input.courtDesc ?? '',
      fields: input.fields ?? {},
      parties: input.parties ?? [],
      charges: input.charges ?? [],
      entries: (input.entries ?? []).map((entry, i) => toEntry(i + 1, entry)),
    };
    this.cases.set(key, simCase);
    return simCase;
  }

  /** Appends an entry with the next sequence number (newest). */
  addEntry(simCase: SimCase, raw: unknown): SimEntry {
    const next = simCase.entries.reduce((max, entry) => Math.max(max, entry.sequence), 0) + 1;
    const entry = toEntry(next, EntryInput.parse(raw));
    simCase.entries.push(entry);
    return entry;
  }

  /** A clerk's correction of one entry; undefined when there is no such sequence number. */
  updateEntry(simCase: SimCase, sequence: number, raw: unknown): SimEntry | undefined {
    const index = simCase.entries.findIndex((entry) => entry.sequence === sequence);
    const current = simCase.entries[index];
    if (current === undefined) return undefined;
    const updated = toEntry(sequence, { ...current, ...EntryPatch.parse(raw) });
    simCase.entries[index] = updated;
    return updated;
  }

  deleteEntry(simCase: SimCase, sequence: number): boolean {
    const before = simCase.entries.length;
    simCase.entries = simCase.entries.filter((entry) => entry.sequence !== sequence);
    return simCase.entries.length < before;
  }

  addFault(raw: unknown): Fault {
    const input = FaultInput.parse(raw);
    const fault: Fault = { id: this.nextFaultId++, mode: input.mode, remaining: input.count ?? null, retryAfter: input.retryAfter ?? null, match: input.match ?? null };
    this.faults.push(fault);
    return fault;
  }

  clearFaults(): void {
    this.faults = [];
  }

  activeFaults(): readonly Fault[] {
    return this.faults;
  }

  /**
   * The first active fault that matches `target` and that `applies` to this request, counted as
   * used (removed once its count runs out); null when the request is answered normally.
   */
  takeFault(target: string, applies: (mode: FaultMode) => boolean): Fault | null {
    const fault = this.faults.find((f) => (f.match === null || target.includes(f.match)) && applies(f.mode));
    if (fault === undefined) return null;
    if (fault.remaining !== null) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    }
    return fault;
  }

  logRequest(entry: LoggedRequest): void {
    this.requests.push(entry);
  }
}

/** Entries in display order: newest date first, later filings first within a date (`D`), or the reverse (`A`). */
export function sortedEntries(entries: readonly SimEntry[], order: 'D' | 'A' = 'D'): SimEntry[] {
  const sign = order === 'A' ? 1 : -1;
  return [...entries].sort((a, b) => sign * (a.date === b.date ? a.sequence - b.sequence : a.date < b.date ? -1 : 1));
}
