import { saveCase } from '../../../../extension/entrypoints/background/folder';
import { enableSync } from '../../../../extension/entrypoints/background/sync/lifecycle';
import { fingerprintEntries } from '../../../../shared/casenet/fingerprint';
import type { DocketEntry } from '../../../../shared/casenet/types';
import type { Mutation } from '../../../../shared/sync/protocol';
import { SOURCE_NEW, type TestCtx } from '../support/ctx';

export const KEY = 'CT22|22SL-CC00807';
export const entry = (date: string, title: string): DocketEntry => ({ date, title, text: null, filedBy: null, onBehalfOf: null, scheduledFor: null, sequence: null });
export const DOCKET = [entry('2025-02-03', 'Summons Issued'), entry('2025-01-10', 'Petition Filed')];

/** Save (or Track) a CT22 case from a new-view page showing DOCKET. */
export const saveTestCase = (ctx: TestCtx, track = false, key = KEY) => {
  const [courtId = '', caseNumber = ''] = key.split('|');
  return saveCase(ctx, {
    key,
    courtId,
    caseNumber,
    caption: 'JANE DOE V ACME CORP',
    fields: null,
    source: { ...SOURCE_NEW, caseNumber },
    docket: { entries: DOCKET, fingerprints: fingerprintEntries(DOCKET) },
    track,
  });
};

/** Signed in (sync on, merge queued), then the merge is taken as sent: only later changes stay. */
export async function syncingCtx(ctx: TestCtx): Promise<void> {
  await enableSync(ctx);
  await ctx.db.outbox.clear();
}

/** The outbox as op + args, in id order (ids checked apart). */
export async function queued(ctx: TestCtx): Promise<Omit<Mutation, 'id'>[]> {
  return (await ctx.db.outbox.orderBy('id').toArray()).map(({ id: _id, ...m }) => m);
}
