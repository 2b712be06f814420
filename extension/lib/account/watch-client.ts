import type { DocketEntry } from '../../../shared/casenet/types';
import { CheckResult, SnapshotResult, WatchState } from '../../../shared/api/watch';
import { callServer, type ServerOptions } from './http';

/**
 * The sync server's watching routes, for the signed-in user (bearer token): report a docket this
 * browser read, read the server's own check state, ask it to check one case now. Answers are
 * validated with the shared schemas; every failure is an `AccountError` (see http.ts).
 */
export function watchClient(opts: ServerOptions, token: string) {
  const casePath = (key: string, action: 'snapshot' | 'check') => `/api/v1/cases/${encodeURIComponent(key)}/${action}`;
  return {
    postSnapshot: async (key: string, entries: readonly DocketEntry[], fetchedAt: number) =>
      (await callServer(opts, { method: 'POST', path: casePath(key, 'snapshot'), token, body: { entries, fetchedAt }, schema: SnapshotResult })).data,

    state: async () => (await callServer(opts, { method: 'GET', path: '/api/v1/watch', token, schema: WatchState })).data,

    checkNow: async (key: string) => (await callServer(opts, { method: 'POST', path: casePath(key, 'check'), token, schema: CheckResult })).data,
  };
}

export type WatchClient = ReturnType<typeof watchClient>;
