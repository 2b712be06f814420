import type { AlertKind } from '../../../../shared/sync/protocol';

export { alertId, type AlertKind } from '../../../../shared/sync/protocol';

/**
 * One alert about one docket entry, found by this browser or pulled from the server (its own read,
 * another browser's, or a hearing reminder). `id` is the dedupe key `caseKey|fingerprint|kind`, so
 * the same entry can never raise the same kind of alert twice. `date` is the entry's date, or for a
 * hearing reminder the hearing's.
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
  /**
   * When the user was told of it by a notification, or it was decided not to (notifications off, or
   * too old): set once, so an alert pulled silently from the server is still announced when this
   * browser's own check finds its entry, and never twice.
   */
  announcedAt?: number;
};
