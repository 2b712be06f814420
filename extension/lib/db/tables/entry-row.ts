import type { DocketEntry } from '../../../../shared/casenet/types';

/** One stored docket entry of a case; primary key `[caseKey+fingerprint]`. */
export type EntryRow = DocketEntry & {
  caseKey: string;
  fingerprint: string;
  /** Index in the docket as last read (0 = first row Case.net shows). */
  position: number;
  firstSeenAt: number;
};
