/** One stored docket entry of a case; primary key `[caseKey+fingerprint]`. */
export type EntryRow = {
  caseKey: string;
  fingerprint: string;
  date: string;
  title: string;
  text: string | null;
  filedBy: string | null;
  onBehalfOf: string | null;
  scheduledFor: string | null;
  sequence: number | null;
  /** Index in the docket as last read (0 = first row Case.net shows). */
  position: number;
  firstSeenAt: number;
};
