import type { AlertFacts, AlertKind } from '../alert-facts';

/**
 * How each kind of alert is named in every message. A clerk's correction or removal is never called
 * a new filing; a hearing reminder names the hearing.
 */
export const KIND_LABEL: Record<AlertKind, string> = {
  new: 'New docket entry',
  changed: 'Corrected entry',
  removed: 'Removed entry',
  hearing: 'Hearing reminder',
};

/** One line, no control characters, at most `max` characters (an ellipsis marks the cut). */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** At most `max` characters of a long text, marked when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max).trimEnd()}… (cut; the full text is on Case.net)`;
}

/** `22SL-CC00807 — Motion to Dismiss Filed`; other kinds say what they are: `22SL-CC00807 — Corrected entry: …`. */
export function alertSubject(f: AlertFacts): string {
  const title = oneLine(f.entry.title || '(untitled entry)', 150);
  return f.kind === 'new' ? `${f.caseNumber} — ${title}` : `${f.caseNumber} — ${KIND_LABEL[f.kind]}: ${title}`;
}

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A digest's alerts grouped by case: cases in key order, each case's alerts oldest first. */
export function byCase(alerts: readonly AlertFacts[]): AlertFacts[][] {
  const groups = new Map<string, AlertFacts[]>();
  for (const a of [...alerts].sort((x, y) => x.caseKey.localeCompare(y.caseKey) || x.createdAt - y.createdAt || x.alertId.localeCompare(y.alertId))) {
    groups.set(a.caseKey, [...(groups.get(a.caseKey) ?? []), a]);
  }
  return [...groups.values()];
}

/** How many docket changes on how many cases: `3 docket changes on 2 cases`. */
export const changesOnCases = (alerts: number, cases: number) => `${plural(alerts, 'docket change', 'docket changes')} on ${plural(cases, 'case', 'cases')}`;
