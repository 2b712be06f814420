import type { PushResult, SyncTransport } from '../../shared/sync/engine';
import { PullResponse, PushResponse, type PushRequest } from '../../shared/sync/protocol';
import type { ApiClient } from './api-client';

/**
 * The sync transport over a test ApiClient: the real HTTP routes, answers checked against the
 * protocol. With `clientId`, pulls name the client, as the extension's do.
 */
export function httpTransport(client: ApiClient, clientId?: string): SyncTransport {
  return {
    async push(req: PushRequest): Promise<PushResult> {
      const res = await client.post('/api/v1/sync/push', req);
      if (res.status === 409 && res.body.code === 'MUTATION_GAP') return { ok: false, gap: Number(res.body.lastMutationId) };
      if (res.status !== 200) throw new Error(`push: ${res.status} ${JSON.stringify(res.body)}`);
      return { ok: true, response: PushResponse.parse(res.body) };
    },
    async pull(cursor: number) {
      const res = await client.get(`/api/v1/sync/pull?cursor=${cursor}${clientId ? `&clientId=${clientId}` : ''}`);
      if (res.status !== 200) throw new Error(`pull: ${res.status} ${JSON.stringify(res.body)}`);
      return PullResponse.parse(res.body);
    },
  };
}
