import { exampleV1 } from './v1';

/** Rows as version 2 stores them: the v1 folder plus sync state, a pending change and a pulled read mark. */
export const exampleV2: Record<string, unknown[]> = {
  cases: exampleV1.cases ?? [],
  entries: exampleV1.entries ?? [],
  alerts: exampleV1.alerts ?? [],
  meta: [
    ...(exampleV1.meta ?? []),
    { key: 'sync.enabled', value: true },
    { key: 'sync.clientId', value: 'Qm9va2tlZXBlcl9icm93c2VyX2lkXzAxMjM0NTY3ODlh' },
    { key: 'sync.lastMutationId', value: 7 },
    { key: 'sync.cursor', value: 42 },
    { key: 'sync.status', value: { lastSyncedAt: 1_700_000_100_000, lastError: null, merged: 1, pulledAt: 1_700_000_100_000 } },
  ],
  outbox: [{ id: 7, op: 'setNote', args: { key: 'CT22|22SL-CC00807', note: 'Hearing prep, call the clerk' } }],
  readMarks: [{ alertId: 'CT22|22SL-CC00807|def456#0|new', readAt: 1_700_000_050_000 }],
};
