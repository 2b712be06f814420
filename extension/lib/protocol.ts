import { z } from 'zod';
import { NotificationPrefs, PhoneConfirm, PhoneStart, type NotificationPage, type PrefsView } from '../../shared/api/prefs';
import { SearchRow, type DocketEntry } from '../../shared/casenet/types';
import type { AlertKind } from '../../shared/sync/protocol';

/**
 * The one message protocol between extension contexts (content script, popup, dashboard → background).
 * Every request is validated with its schema on receipt in the background (see lib/messages.ts);
 * the sender is checked there too. Views returned to the UI are plain data, rendered as text only.
 */

export const Settings = z.object({
  /** Minutes between scheduled refreshes of each tracked case. */
  refreshMinutes: z.number().int().min(15).max(24 * 60),
  /** Refresh window in Central time, hours 0–24 (start inclusive, end exclusive). */
  windowStartHour: z.number().int().min(0).max(23),
  windowEndHour: z.number().int().min(1).max(24),
  notifications: z.boolean(),
  /** The sync server (accounts): http or https; the default is a backend on this machine. */
  serverUrl: z.url({ protocol: /^https?$/ }).max(2_000),
});
export type Settings = z.infer<typeof Settings>;
export const DEFAULT_SETTINGS: Settings = { refreshMinutes: 30, windowStartHour: 6, windowEndHour: 22, notifications: true, serverUrl: 'http://127.0.0.1:8787' };

const Key = z.string().min(3).max(100);
const PageInput = z.object({ url: z.string().url().max(4_000), html: z.string().max(30_000_000) });
const Email = z.email().max(254);
const Password = z.string().min(1).max(1_000);

/**
 * Account requests (the background talks to the sync server). They carry passwords and tokens, so
 * lib/messages.ts accepts them only from the extension's own pages, never from a content script.
 */
export const AccountRequests = {
  /** Who is signed in on this browser (checked with the server when it answers). */
  getAccount: z.object({}),
  /** Create an account; the server emails a verification link. */
  signUp: z.object({ email: Email, password: Password }),
  resendVerification: z.object({ email: Email }),
  signIn: z.object({ email: Email, password: Password }),
  /** The 6-digit code emailed when this browser signs in for the first time. */
  verifyDevice: z.object({ challengeId: z.string().min(1).max(500), code: z.string().regex(/^\d{6}$/, 'the code is 6 digits') }),
  /** Ask for a password-reset link by email. */
  forgotPassword: z.object({ email: Email }),
  /** Signs every other device out. */
  changePassword: z.object({ currentPassword: Password, newPassword: Password }),
  signOut: z.object({}),
  listSessions: z.object({}),
  revokeSession: z.object({ id: z.string().min(1).max(500) }),
  /** Everything the server holds about the user, as a JSON file. */
  exportAccount: z.object({}),
  /** Deletes the account on the server; the case folder in this browser stays. */
  deleteAccount: z.object({ password: Password }),
} as const;
export type AccountRequestName = keyof typeof AccountRequests;

/** Sync of the folder with the account; like account requests, only from the extension's own pages. */
export const SyncRequests = {
  getSyncState: z.object({}),
  /** Run a sync round now (or wait for the one running) and answer the state after it. */
  syncNow: z.object({}),
} as const;
export type SyncRequestName = keyof typeof SyncRequests;

/** Notification settings and history on the sync server (shared/api/prefs); like account requests, only from the extension's own pages. */
export const NotificationRequests = {
  getPrefs: z.object({}),
  /** Replace the settings (the phone number is set with the three requests below). */
  savePrefs: NotificationPrefs,
  /** Text a 6-digit code to this number (E.164). */
  startPhoneVerification: PhoneStart,
  confirmPhone: PhoneConfirm,
  removePhone: z.object({}),
  /** A page of alerts with their deliveries, newest first; `before` is the previous page's `nextBefore`. */
  getNotifications: z.object({ before: z.string().min(1).max(100).optional() }),
} as const;
export type NotificationRequestName = keyof typeof NotificationRequests;

/** Ask the sync server to read one tracked case now (it uses the session); only from the extension's own pages. */
export const ServerCheckRequests = {
  checkOnServer: z.object({ key: Key }),
} as const;
export type ServerCheckRequestName = keyof typeof ServerCheckRequests;

export const Requests = {
  /** Content script: a Case.net case page was opened (or its tab changed). */
  pageSeen: PageInput,
  /** Content script: Save (track=false) or Track (track=true) pressed on a case page. */
  savePage: PageInput.extend({ track: z.boolean() }),
  /** Content script: a Case.net search result list is shown; answers its rows with their folder state. */
  searchSeen: PageInput,
  /** Content script: Save/Track pressed on a search-result row. */
  saveRow: z.object({ url: z.string().url().max(4_000), row: SearchRow, track: z.boolean() }),
  /**
   * Content script: Tracking or Saved pressed again on a case page (case from `url`) or a search
   * row (case from `row`). Scoped to the case the page shows: a page cannot name another case.
   */
  pageCaseAction: z.object({ url: z.string().url().max(4_000), row: SearchRow.optional(), action: z.enum(['untrack', 'remove']) }),
  /** Stop tracking (keeps the case saved) or start tracking an already saved case. */
  setTracked: z.object({ key: Key, tracked: z.boolean() }),
  /** Remove a case from the folder (entries and alerts of it too). */
  removeCase: z.object({ key: Key }),
  /**
   * Popup: everything it shows, in one call. With `limit`, only the `limit` most recently updated
   * cases (matching `search`, when given) come back; `caseCount` still counts the whole folder.
   */
  getSummary: z.object({ search: z.string().max(200).optional(), limit: z.number().int().min(1).max(1_000).optional() }),
  /** Dashboard: every case, with filters applied by the UI. */
  listCases: z.object({}),
  /** Dashboard: one case with its stored docket and upcoming hearings. */
  getCase: z.object({ key: Key }),
  updateCase: z.object({
    key: Key,
    note: z.string().max(10_000).optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
  }),
  /** Popup: open an alert's case page and mark the alert read. */
  openAlert: z.object({ id: z.string().min(1).max(200) }),
  markAllRead: z.object({ caseKey: Key.optional() }),
  /** Popup "Check now": refresh every tracked case (or the listed ones), politely spaced. */
  checkNow: z.object({ keys: z.array(Key).max(20_000).optional() }),
  getProgress: z.object({}),
  exportFolder: z.object({}),
  importFolder: z.object({ json: z.string().max(100_000_000) }),
  getSettings: z.object({}),
  saveSettings: Settings,
  ...AccountRequests,
  ...SyncRequests,
  ...ServerCheckRequests,
  ...NotificationRequests,
} as const;

export type RequestName = keyof typeof Requests;
export type RequestOf<N extends RequestName> = z.input<(typeof Requests)[N]>;


/** What the content script needs to draw its buttons and marks. */
export type PageState = {
  key: string;
  caseNumber: string;
  saved: boolean;
  tracked: boolean;
  /** Page-order indexes of docket entries first seen since the user's previous visit. */
  newEntryIndexes: number[];
};

/** One search-result row (page order) with its folder state; `key` null when the row names no court. */
export type SearchRowState = { row: SearchRow; key: string | null; saved: boolean; tracked: boolean };

export type CaseSummary = {
  key: string;
  courtId: string;
  caseNumber: string;
  caption: string | null;
  saved: boolean;
  tracked: boolean;
  tags: string[];
  note: string;
  fields: Record<string, string>;
  url: string | null;
  lastEntry: { date: string; title: string } | null;
  entryCount: number;
  unread: number;
  /** The most recent check, by this browser or the sync server (whichever is newer). */
  lastCheckedAt: number | null;
  lastCheckedBy: 'browser' | 'server' | null;
  /** Plain-words reason that check failed; null when it succeeded. */
  lastError: string | null;
  updatedAt: number;
};

export type AlertView = {
  id: string;
  caseKey: string;
  caseNumber: string;
  caption: string | null;
  kind: AlertKind;
  date: string;
  title: string;
  createdAt: number;
  readAt: number | null;
};

export type StoredEntryView = Omit<DocketEntry, 'sequence'> & {
  fingerprint: string;
  firstSeenAt: number;
};

export type CaseDetail = {
  summary: CaseSummary;
  entries: StoredEntryView[];
  /** Hearings scheduled today or later, soonest first (from `Scheduled For:` rows). */
  hearings: { date: string; title: string; scheduledFor: string }[];
  alerts: AlertView[];
};

export type CheckProgress = {
  running: boolean;
  done: number;
  total: number;
  current: string | null;
  results: { key: string; ok: boolean; message: string }[];
};

export type Summary = {
  unread: AlertView[];
  unreadCount: number;
  cases: CaseSummary[];
  caseCount: number;
  progress: CheckProgress;
};

/** The account as the dashboard shows it; `notice` says what happened when it is worth saying. */
export type AccountState =
  | { signedIn: false; server: string; notice: string | null }
  | { signedIn: true; server: string; email: string; notice: string | null };

/** Sign-in either succeeds, or needs the code emailed for a new device, or a verified email first. */
export type SignInResult =
  | { status: 'signedIn'; account: AccountState }
  | { status: 'deviceCode'; email: string; challengeId: string; message: string }
  | { status: 'verifyEmail'; email: string; message: string };

/** One signed-in device; times in epoch ms (null when the server did not say). */
export type SessionView = {
  id: string;
  createdAt: number | null;
  lastSeenAt: number | null;
  expiresAt: number | null;
  ipAddress: string | null;
  userAgent: string | null;
  /** This browser. */
  current: boolean;
};

/** Sync as the dashboard shows it. Times in epoch ms. */
export type SyncState = {
  /** Signed in with sync on. */
  enabled: boolean;
  running: boolean;
  /** Local changes the server has not acknowledged yet. */
  pending: number;
  lastSyncedAt: number | null;
  /** Why the last round failed or what the server refused (or why this browser was signed out). */
  lastError: string | null;
  /** Cases this browser added to the account when it signed in. */
  merged: number | null;
  /** When a pull last brought changes: pages showing the folder re-read it when this moves. */
  pulledAt: number | null;
};

export type Responses = {
  pageSeen: PageState | null;
  savePage: PageState;
  searchSeen: { rows: SearchRowState[] };
  saveRow: { key: string; saved: boolean; tracked: boolean };
  pageCaseAction: { key: string; saved: boolean; tracked: boolean };
  setTracked: CaseSummary;
  removeCase: { removed: boolean };
  getSummary: Summary;
  listCases: CaseSummary[];
  getCase: CaseDetail;
  updateCase: CaseSummary;
  openAlert: { url: string | null };
  markAllRead: { marked: number };
  checkNow: CheckProgress;
  getProgress: CheckProgress;
  exportFolder: { json: string; filename: string };
  importFolder: { imported: number; updated: number };
  getSettings: Settings;
  saveSettings: Settings;
  getAccount: AccountState;
  signUp: { email: string };
  resendVerification: { email: string };
  signIn: SignInResult;
  verifyDevice: AccountState;
  forgotPassword: { email: string };
  changePassword: { changed: true };
  signOut: AccountState;
  listSessions: SessionView[];
  revokeSession: { revoked: true };
  exportAccount: { json: string; filename: string };
  deleteAccount: AccountState;
  getSyncState: SyncState;
  syncNow: SyncState;
  checkOnServer: ServerCheckResult;
  getPrefs: PrefsView;
  savePrefs: PrefsView;
  startPhoneVerification: PhonePending;
  confirmPhone: PrefsView;
  removePhone: PrefsView;
  getNotifications: NotificationPage;
};

/** A number waiting for the SMS code just sent to it (ISO `expiresAt`). */
export type PhonePending = { pending: string; expiresAt: string };

/** What the server's check of one case found (`message` in plain words), and the case as it stands after it. */
export type ServerCheckResult = { ok: boolean; message: string; summary: CaseSummary };

/** Every reply crosses contexts as a tagged result; errors carry a message fit for the user. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };
