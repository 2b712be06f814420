import type { MigrationStep } from './step';

/** Version 1: the local case folder (cases, their docket entries, alerts, meta). */
export const v1: MigrationStep = {
  version: 1,
  stores: {
    cases: 'key, courtId, caseNumber, *tags, nextCheckAt, updatedAt',
    entries: '[caseKey+fingerprint], caseKey',
    alerts: 'id, caseKey, createdAt',
    meta: 'key',
  },
};
