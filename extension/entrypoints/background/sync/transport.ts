import { ErrorCodes } from '../../../../shared/api/errors';
import type { PushResult, SyncTransport } from '../../../../shared/sync/engine';
import { PullResponse, PushResponse } from '../../../../shared/sync/protocol';
import { AccountError, callServer, type ServerOptions } from '../../../lib/account/http';

/**
 * The sync routes of the server over HTTP with the bearer token. Answers are checked against the
 * protocol's schemas; every failure is an `AccountError` (status null: no answer). A pull names
 * this browser's client id, so the server records the alerts it hands over as delivered to it.
 */
export function httpSyncTransport(opts: ServerOptions, token: string, clientId: string): SyncTransport {
  return {
    async push(req): Promise<PushResult> {
      try {
        return { ok: true, response: (await callServer(opts, { method: 'POST', path: '/api/v1/sync/push', token, body: req, schema: PushResponse })).data };
      } catch (err) {
        const gap = err instanceof AccountError && err.status === 409 && err.body.code === ErrorCodes.mutationGap ? err.body.lastMutationId : undefined;
        if (gap === undefined) throw err;
        return { ok: false, gap };
      }
    },
    async pull(cursor) {
      return (await callServer(opts, { method: 'GET', path: `/api/v1/sync/pull?cursor=${cursor}&clientId=${encodeURIComponent(clientId)}`, token, schema: PullResponse })).data;
    },
  };
}
