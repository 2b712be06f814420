import { vi } from 'vitest';
import type { RequestName, RequestOf, Responses } from '../../../../../extension/lib/protocol';
import type { Api } from '../../../../../extension/lib/ui/api';

export type FakeHandlers = { [K in RequestName]?: (data: RequestOf<K>) => Responses[K] | Promise<Responses[K]> };

/**
 * An in-memory stand-in for `send`: each request goes to its handler; a request without one
 * fails the way the background would. `calls` records every request in order.
 */
export function fakeApi(handlers: FakeHandlers) {
  const calls: { type: RequestName; data: unknown }[] = [];
  const api = vi.fn(async (type: RequestName, data: unknown) => {
    calls.push({ type, data });
    const handler = handlers[type] as ((d: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`No fake handler for ${type}`);
    return handler(data);
  });
  return { api: api as unknown as Api, calls, mock: api };
}

/** The data of every call of one request type. */
export function callsOf<K extends RequestName>(calls: { type: RequestName; data: unknown }[], type: K): RequestOf<K>[] {
  return calls.filter((c) => c.type === type).map((c) => c.data as RequestOf<K>);
}
