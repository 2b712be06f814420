import type { MigrationStep } from './step';

/**
 * Version 2: sync across browsers. `outbox` holds local changes not yet acknowledged by the sync
 * server (key: the per-client mutation id); `readMarks` holds read marks pulled for alerts this
 * browser has not raised yet (key: the alert id). Sync state lives in `meta` (`sync.*` keys).
 * Existing rows are untouched: sync starts off until the user signs in.
 */
export const v2: MigrationStep = {
  version: 2,
  stores: {
    cases: 'key, courtId, caseNumber, *tags, nextCheckAt, updatedAt',
    entries: '[caseKey+fingerprint], caseKey',
    alerts: 'id, caseKey, createdAt',
    meta: 'key',
    outbox: 'id',
    readMarks: 'alertId',
  },
};
