import type { AlertView, CaseSummary, CheckProgress, Summary } from './protocol';
import { KIND_LABEL } from './ui/format';

/**
 * The popup's first summary, kept ready by the background in `storage.session` so the popup can
 * draw real data without waiting for a round trip to the service worker (which reads Dexie).
 * The popup always asks the background as well and replaces the cached copy with its answer.
 *
 * No zod here: this module is in the popup's bundle, which must stay small.
 */

/** Cases the popup asks for and draws at most (the most recent ones, or the first matches of a search). */
export const POPUP_ROWS = 100;

/** The storage key (in `storage.session`: memory only, cleared when the browser quits). */
export const POPUP_SUMMARY_KEY = 'popupSummary';

/** Above this size (JSON characters) nothing is cached: the popup asks the background instead. */
export const MAX_CACHED_CHARS = 2_000_000;

/** Bumped whenever the cached shape changes, so an older copy is ignored instead of misread. */
export const POPUP_SUMMARY_VERSION = 1;

export type CachedSummary = { v: typeof POPUP_SUMMARY_VERSION; at: number; summary: Summary };

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isBool = (x: unknown): x is boolean => typeof x === 'boolean';
const isCount = (x: unknown): x is number => isNum(x) && Number.isInteger(x) && x >= 0;
const strOrNull = (x: unknown): x is string | null => x === null || isStr(x);
const numOrNull = (x: unknown): x is number | null => x === null || isNum(x);
const isPrimitive = (x: unknown): boolean => x === null || isStr(x) || isNum(x) || isBool(x);

/** Every value checked, and fields this version does not know only when they are plain values. */
function fits(o: Obj, checks: Record<string, (x: unknown) => boolean>): boolean {
  for (const [k, check] of Object.entries(checks)) if (!check(o[k])) return false;
  for (const k of Object.keys(o)) if (!Object.hasOwn(checks, k) && !isPrimitive(o[k])) return false;
  return true;
}

const CASE: Record<string, (x: unknown) => boolean> = {
  key: isStr,
  courtId: isStr,
  caseNumber: isStr,
  caption: strOrNull,
  saved: isBool,
  tracked: isBool,
  tags: (x) => Array.isArray(x) && x.every(isStr),
  note: isStr,
  fields: (x) => isObj(x) && Object.values(x).every(isStr),
  url: strOrNull,
  lastEntry: (x) => x === null || (isObj(x) && isStr(x.date) && isStr(x.title)),
  entryCount: isCount,
  unread: isCount,
  lastCheckedAt: numOrNull,
  lastError: strOrNull,
  updatedAt: isNum,
};

const ALERT: Record<string, (x: unknown) => boolean> = {
  id: isStr,
  caseKey: isStr,
  caseNumber: isStr,
  caption: strOrNull,
  // Any kind the popup has a label for (the list of kinds grows with the protocol).
  kind: (x) => isStr(x) && Object.hasOwn(KIND_LABEL, x),
  date: isStr,
  title: isStr,
  createdAt: isNum,
  readAt: numOrNull,
};

const RESULT: Record<string, (x: unknown) => boolean> = { key: isStr, ok: isBool, message: isStr };

const PROGRESS: Record<string, (x: unknown) => boolean> = {
  running: isBool,
  done: isCount,
  total: isCount,
  current: strOrNull,
  results: (x) => Array.isArray(x) && x.every((r) => isObj(r) && fits(r, RESULT)),
};

export const isCaseSummary = (x: unknown): x is CaseSummary => isObj(x) && fits(x, CASE);
export const isAlertView = (x: unknown): x is AlertView => isObj(x) && fits(x, ALERT);
const isProgress = (x: unknown): x is CheckProgress => isObj(x) && fits(x, PROGRESS);

/**
 * The cached summary when `value` is one this version wrote, else null. Storage is outside the
 * popup's code, so the value is checked field by field before anything of it is drawn.
 */
export function parseCachedSummary(value: unknown): CachedSummary | null {
  if (!isObj(value) || value.v !== POPUP_SUMMARY_VERSION || !isNum(value.at) || !isObj(value.summary)) return null;
  const s = value.summary;
  const ok =
    Array.isArray(s.unread) &&
    s.unread.every(isAlertView) &&
    isCount(s.unreadCount) &&
    Array.isArray(s.cases) &&
    s.cases.length <= POPUP_ROWS &&
    s.cases.every(isCaseSummary) &&
    isCount(s.caseCount) &&
    isProgress(s.progress);
  return ok ? { v: POPUP_SUMMARY_VERSION, at: value.at, summary: s as Summary } : null;
}

/** The popup's own request for its first summary: no search, the POPUP_ROWS most recent cases. */
export function isPopupFirstRequest(data: { search?: string; limit?: number }): boolean {
  return data.limit === POPUP_ROWS && !data.search?.trim();
}

/** Where the cached summary is read from and written to (`browser.storage.session` in the extension). */
export type SummaryArea = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
};

/** The cached summary, or null when there is none, it is unreadable, or storage fails. */
export async function readCachedSummary(area: SummaryArea | undefined): Promise<CachedSummary | null> {
  try {
    if (!area) return null;
    return parseCachedSummary((await area.get(POPUP_SUMMARY_KEY))[POPUP_SUMMARY_KEY]);
  } catch {
    return null;
  }
}
