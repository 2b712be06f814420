/** A request the fake sync server received. */
export type Received = { method: string; path: string; url: string; headers: Record<string, string>; body: unknown };

export type Route = (req: Received) => Response | Promise<Response>;

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/**
 * A fake `fetch` standing in for the sync server: `routes['POST /api/auth/sign-in/email']` answers
 * that request; anything else is a 404. `received` records every request in order.
 */
export function fakeServer(routes: Record<string, Route> = {}) {
  const received: Received[] = [];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const req: Received = {
      method: init.method ?? 'GET',
      path: url.pathname,
      url: url.href,
      headers,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    received.push(req);
    const route = routes[`${req.method} ${req.path}`];
    return route ? route(req) : json(404, { code: 'NOT_FOUND', message: `No route ${req.method} ${req.path}` });
  };
  return { fetch: fetch as typeof globalThis.fetch, routes, received };
}
