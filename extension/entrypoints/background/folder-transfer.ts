import { z } from 'zod';
import { tryCaseKey } from '../../../shared/casenet/key';
import { CaseSource, DocketEntry } from '../../../shared/casenet/types';
import type { MutationInput } from '../../../shared/sync/protocol';
import type { CaseRow } from '../../lib/db/tables/case-row';
import type { EntryRow } from '../../lib/db/tables/entry-row';
import type { Ctx } from './context';
import { caseMutations, enqueue, syncedTables } from './sync/outbox';

const FORMAT = 'docket-watch-folder';

// The entry fields and their bounds come from the one DocketEntry schema; `sequence` stays required here.
const ExportedEntry = DocketEntry.extend({
  sequence: z.number().int().nullable(),
  fingerprint: z.string().min(1).max(200),
  position: z.number().int().min(0),
  firstSeenAt: z.number().int(),
});

const ExportedCase = z.object({
  key: z.string().min(3).max(100),
  courtId: z.string().min(1).max(40),
  caseNumber: z.string().min(1).max(40),
  caption: z.string().max(500).nullable(),
  fields: z.record(z.string().max(200), z.string().max(2_000)),
  source: CaseSource,
  saved: z.boolean(),
  tracked: z.boolean(),
  tags: z.array(z.string().max(50)).max(50),
  note: z.string().max(10_000),
  docketAt: z.number().int().nullable(),
  lastVisitAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  entries: z.array(ExportedEntry).max(20_000),
});

const ExportFile = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  exportedAt: z.number().int(),
  cases: z.array(ExportedCase).max(20_000),
});
type ExportFile = z.infer<typeof ExportFile>;

/** The whole folder (cases, notes, tags, stored dockets) as a JSON file. Alerts stay local. */
export async function exportFolder(ctx: Ctx): Promise<{ json: string; filename: string }> {
  const now = ctx.now();
  const cases = await ctx.db.cases.toArray();
  const entries = await ctx.db.entries.toArray();
  const byCase = Map.groupBy(entries, (e) => e.caseKey);
  const file: ExportFile = {
    format: FORMAT,
    version: 1,
    exportedAt: now,
    cases: cases.map((c) => ({
      key: c.key, courtId: c.courtId, caseNumber: c.caseNumber, caption: c.caption, fields: c.fields, source: c.source,
      saved: c.saved, tracked: c.tracked, tags: c.tags, note: c.note, docketAt: c.docketAt, lastVisitAt: c.lastVisitAt, createdAt: c.createdAt,
      entries: (byCase.get(c.key) ?? []).sort((a, b) => a.position - b.position).map(({ caseKey: _k, ...e }) => e),
    })),
  };
  return { json: JSON.stringify(file, null, 1), filename: `docket-watch-folder-${new Date(now).toISOString().slice(0, 10)}.json` };
}

/** Parse and check an export file; throws a user-readable error and changes nothing when it is bad. */
function readExport(json: string): ExportFile {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('This file is not JSON, so it is not a Docket Watch export. Your folder was not changed.');
  }
  const parsed = ExportFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unknown problem';
    throw new Error(`This file is not a valid Docket Watch export (${where}). Your folder was not changed.`);
  }
  for (const c of parsed.data.cases) {
    if (tryCaseKey(c.courtId, c.caseNumber) !== c.key) {
      throw new Error(`This file is not a valid Docket Watch export (case ${c.caseNumber.slice(0, 40)} has a wrong key). Your folder was not changed.`);
    }
  }
  return parsed.data;
}

/**
 * Import an export file in one transaction: new cases are added; cases already in the folder
 * take the file's notes, tags and saved/tracked flags and gain any entries they lack. Each case
 * counts as saved again for sync (putCase, plus its note and tags where they changed).
 */
export async function importFolder(ctx: Ctx, json: string): Promise<{ imported: number; updated: number }> {
  const file = readExport(json);
  const now = ctx.now();
  const { db } = ctx;
  return db.transaction('rw', syncedTables(db, db.cases, db.entries), async () => {
    let imported = 0;
    let updated = 0;
    const mutations: MutationInput[] = [];
    for (const c of file.cases) {
      const existing = await db.cases.get(c.key);
      const { entries, ...facts } = c;
      const row: CaseRow = existing
        ? { ...existing, tags: facts.tags, note: facts.note, saved: true, tracked: facts.tracked, nextCheckAt: facts.tracked ? (existing.nextCheckAt ?? now) : null, updatedAt: now }
        : { ...facts, saved: true, lastCheckedAt: null, lastCheckedBy: null, lastError: null, failures: 0, nextCheckAt: facts.tracked ? now : null, quarantine: null, updatedAt: now };
      if (existing) updated += 1;
      else imported += 1;
      await db.cases.put(row);
      mutations.push(...caseMutations(row, existing));
      const have = new Set((await db.entries.where('caseKey').equals(c.key).primaryKeys()).map((k) => k[1]));
      const rows: EntryRow[] = entries.filter((e) => !have.has(e.fingerprint)).map((e) => ({ ...e, caseKey: c.key }));
      await db.entries.bulkPut(rows);
    }
    await enqueue(ctx, mutations);
    return { imported, updated };
  });
}
