export type AlertKind = 'new' | 'changed' | 'removed';

/**
 * One alert about one docket entry. `id` is the dedupe key `caseKey|fingerprint|kind`, so the
 * same entry can never raise the same kind of alert twice.
 */
export type AlertRow = {
  id: string;
  caseKey: string;
  fingerprint: string;
  kind: AlertKind;
  date: string;
  title: string;
  createdAt: number;
  readAt: number | null;
};

export const alertId = (caseKey: string, fingerprint: string, kind: AlertKind): string => `${caseKey}|${fingerprint}|${kind}`;
