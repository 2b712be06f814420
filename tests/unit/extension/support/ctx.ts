import { vi } from 'vitest';
import type { CaseSource } from '../../../../shared/casenet/types';
import type { PoliteQueue } from '../../../../shared/schedule';
import type { Ctx } from '../../../../extension/entrypoints/background/context';
import type { CasenetRequest, FetchResult } from '../../../../extension/lib/browser/fetch';
import { AppDb } from '../../../../extension/lib/db/app-db';
import type { NotificationInput } from '../../../../extension/lib/browser/notifications';

let dbCounter = 0;

export type TestCtx = Ctx & {
  /** Answers the fake fetch gives, in order; the last one repeats. */
  answers: FetchResult[];
  requests: CasenetRequest[];
  notifications: NotificationInput[];
  badge: number[];
  pausedUntil: number[];
  opened: string[];
  deferred: Promise<unknown>[];
  clock: { now: number };
  /** How many times a sync round was asked for (a change was queued). */
  syncRequests: { count: number };
};

/** A background context on a fresh fake IndexedDB, with recording fakes for every adapter. */
export function makeCtx(start = Date.UTC(2025, 2, 4, 15, 0)): TestCtx {
  const clock = { now: start };
  const answers: FetchResult[] = [];
  const requests: CasenetRequest[] = [];
  const notifications: NotificationInput[] = [];
  const badge: number[] = [];
  const pausedUntil: number[] = [];
  const opened: string[] = [];
  const deferred: Promise<unknown>[] = [];
  const syncRequests = { count: 0 };
  const queue = { run: <T>(fn: () => Promise<T>) => fn(), pauseUntil: vi.fn((ts: number) => pausedUntil.push(ts)) } as unknown as PoliteQueue;
  return {
    db: new AppDb(`test-${++dbCounter}-${Math.random()}`),
    now: () => clock.now,
    fetchCasenet: async (request) => {
      requests.push(request);
      const answer = answers.length > 1 ? answers.shift() : answers[0];
      if (!answer) throw new Error('no fake answer set');
      return answer;
    },
    queue,
    notify: async (n) => void notifications.push(n),
    setBadge: async (n) => void badge.push(n),
    openTab: async (url) => void opened.push(url),
    defer: (task) => void deferred.push(task()),
    syncSoon: () => void (syncRequests.count += 1),
    answers,
    requests,
    notifications,
    badge,
    pausedUntil,
    opened,
    deferred,
    clock,
    syncRequests,
  };
}

export const ok = (text: string, status = 200, headers: Record<string, string> = {}): FetchResult => ({ ok: true, status, headers, text });

export const SOURCE_NEW: CaseSource = { origin: 'https://www.courts.mo.gov', base: 'cnet', generation: 'new', courtId: 'SMPDB0010_CT22', caseNumber: '22SL-CC00807' };

export type JsonEntry = { filingDate: string; docketDesc: string; docketText?: string; sequenceNumber?: number };

/** A new-site docket JSON body (`docketEntriesSearch.do`), newest first. */
export const docketJson = (entries: JsonEntry[]): string => JSON.stringify({ docketTabModelList: entries });

export const E1: JsonEntry = { filingDate: '01/10/2025', docketDesc: 'Petition Filed', docketText: 'Petition for damages.', sequenceNumber: 1 };
export const E2: JsonEntry = { filingDate: '02/03/2025', docketDesc: 'Summons Issued', docketText: 'Summons issued to ACME CORP.', sequenceNumber: 2 };
export const E3: JsonEntry = { filingDate: '03/04/2025', docketDesc: 'Motion to Dismiss', docketText: 'Motion to dismiss for failure to state a claim.', sequenceNumber: 3 };
