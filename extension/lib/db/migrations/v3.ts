import type { MigrationStep } from './step';

/**
 * Version 3: `cases` keeps only the indexes a query uses (key; updatedAt for the popup's most
 * recent cases). No query read courtId, caseNumber, tags or nextCheckAt through an index, and every
 * index costs a write per case (a first sync stores thousands). Rows are untouched.
 */
export const v3: MigrationStep = {
  version: 3,
  stores: {
    cases: 'key, updatedAt',
    entries: '[caseKey+fingerprint], caseKey',
    alerts: 'id, caseKey, createdAt',
    meta: 'key',
    outbox: 'id',
    readMarks: 'alertId',
  },
};
