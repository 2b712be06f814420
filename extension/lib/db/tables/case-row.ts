import type { CaseSource } from '../../../../shared/casenet/types';

/** One case in the local folder. `key` is `caseKey(courtId, caseNumber)`. */
export type CaseRow = {
  key: string;
  courtId: string;
  caseNumber: string;
  caption: string | null;
  fields: Record<string, string>;
  /** Where the case is refreshed from (same origin and generation it was saved from). */
  source: CaseSource;
  saved: boolean;
  tracked: boolean;
  tags: string[];
  note: string;
  lastCheckedAt: number | null;
  lastCheckedBy: 'browser' | null;
  /** Plain-words reason the last check failed; null after a good check. */
  lastError: string | null;
  /**
   * The sync server's last read of this tracked case (GET /api/v1/watch, stored after each sync round)
   * and its plain-words failure; absent or null when the server has not read it (or is not asked).
   * Not indexed: rows written before these fields existed need no migration.
   */
  serverCheckedAt?: number | null;
  serverError?: string | null;
  /** Consecutive failed checks (drives backoff). */
  failures: number;
  nextCheckAt: number | null;
  /** When a docket was last stored for this case (page or refresh); null = no baseline yet. */
  docketAt: number | null;
  /** Confirmation token from assessRefresh for a shrunk docket seen once; null otherwise. */
  quarantine: string | null;
  /** When the user last opened this case on Case.net (marks entries new since then). */
  lastVisitAt: number | null;
  createdAt: number;
  updatedAt: number;
};
