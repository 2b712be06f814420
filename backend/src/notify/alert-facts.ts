import { parseCaseKey } from '../../../shared/casenet/key';
import { CaseSource, DocketEntry } from '../../../shared/casenet/types';
import { caseViewUrl } from '../../../shared/casenet/urls';
import type { Db } from '../db/connection';

export const ALERT_KINDS = ['new', 'changed', 'removed', 'hearing'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Everything a message about one alert says: the entry, and the user's own facts about the case. */
export type AlertFacts = {
  alertId: string;
  userId: string;
  caseKey: string;
  caseNumber: string;
  caption: string | null;
  /** The user's own note on the case ('' when none). */
  note: string;
  /** The case's page on Case.net. */
  caseUrl: string;
  kind: AlertKind;
  entry: DocketEntry;
  previous: DocketEntry | null;
  createdAt: number;
  /** The user removed the case from the folder since the alert was made. */
  caseRemoved: boolean;
};

type Row = {
  id: string;
  user_id: string;
  case_key: string;
  kind: string;
  entry: string;
  previous: string | null;
  created_at: number;
  caption: string | null;
  note: string | null;
  source: string | null;
  court_id: string | null;
  case_number: string | null;
  deleted: number | null;
};

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The page a person opens: from the stored source when there is one, else the current case view. */
function caseUrlOf(row: Row, courtId: string, caseNumber: string): string {
  const stored = CaseSource.safeParse(parseJson(row.source));
  const source: CaseSource = stored.success
    ? stored.data
    : { origin: 'https://www.courts.mo.gov', base: 'casenet', generation: 'new', courtId, caseNumber };
  try {
    return caseViewUrl(source);
  } catch {
    return 'https://www.courts.mo.gov/casenet/';
  }
}

/** Reads alerts with their case facts. Every query is scoped by the alert's own user. */
export class AlertFactsReader {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = db.prepare(
      `SELECT a.id, a.user_id, a.case_key, a.kind, a.entry, a.previous, a.created_at,
              c.caption, c.note, c.source, c.court_id, c.case_number, c.deleted
       FROM alert a LEFT JOIN user_case c ON c.user_id = a.user_id AND c.case_key = a.case_key
       WHERE a.id = ?`,
    );
  }

  /** The alert's facts; `null` when it is gone, `'unreadable'` when its stored entry is not a docket entry. */
  read(alertId: string): AlertFacts | null | 'unreadable' {
    const row = this.stmt.get(alertId) as Row | undefined;
    if (!row) return null;
    const entry = DocketEntry.safeParse(parseJson(row.entry));
    const previous = row.previous === null ? null : DocketEntry.safeParse(parseJson(row.previous));
    const kind = (ALERT_KINDS as readonly string[]).includes(row.kind) ? (row.kind as AlertKind) : null;
    if (!entry.success || (previous && !previous.success) || !kind) return 'unreadable';
    const parts = parseCaseKey(row.case_key);
    const courtId = row.court_id ?? parts?.courtId ?? '';
    const caseNumber = row.case_number ?? parts?.caseNumber ?? row.case_key;
    return {
      alertId: row.id,
      userId: row.user_id,
      caseKey: row.case_key,
      caseNumber,
      caption: row.caption,
      note: row.note ?? '',
      caseUrl: caseUrlOf(row, courtId, caseNumber),
      kind,
      entry: entry.data,
      previous: previous?.success ? previous.data : null,
      createdAt: Number(row.created_at),
      caseRemoved: Number(row.deleted ?? 0) === 1,
    };
  }
}
