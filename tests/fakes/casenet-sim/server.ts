import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { staticAsset } from './assets';
import { handleControl } from './control';
import { faultApplies, faultResponse, truncate, type SimResponse } from './faults';
import type { Base } from './html';
import { pageNotFound, resolveRoute, type Variant } from './routes';
import { generatedCases } from './generated';
import { seedCases } from './seed';
import { SimState } from './state';

// The local Case.net simulator: plain http on 127.0.0.1, one port for every host name (real
// Chromium reaches it through --host-resolver-rules, so the Host header is ignored). Case.net paths
// live under /casenet/ and /cnet/ (static assets there are neither logged nor faulted); the control
// API under /__sim/ (see control.ts).

export type { SimState } from './state';

export type CasenetSim = {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  state: SimState;
  /** A request to the control API (`/__sim/…`, JSON body). */
  control(method: string, path: string, body?: unknown): Promise<Response>;
  close(): Promise<void>;
};

export type CasenetSimOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Start with the seeded cases (default true); `false` starts empty. `/__sim/reset` returns to this. */
  seed?: boolean;
  /** Also serve this many made-up cases (generated.ts: court CT22, numbers `22GN-CV00000`…), e.g. for load tests. */
  generated?: number;
};

const MAX_BODY = 1_000_000;
const ROBOTS = 'User-agent: *\nDisallow: /casenet/\nDisallow: /cnet/\nDisallow: /fv/\n';
const CASENET_PATH = /^\/(casenet|cnet)(?:\/(.*))?$/;

function send(res: ServerResponse, answer: SimResponse): void {
  const bytes = Buffer.from(answer.body, 'utf8');
  res.writeHead(answer.status, { 'Content-Type': answer.type, 'Content-Length': bytes.length, 'Cache-Control': 'no-store', ...answer.headers });
  res.end(bytes);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy(new Error('request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Form fields of a POST body (url-encoded, or a flat JSON object). */
function bodyParams(req: IncomingMessage, body: string): URLSearchParams {
  if (body.trim() === '') return new URLSearchParams();
  if ((req.headers['content-type'] ?? '').includes('json')) {
    try {
      const value: unknown = JSON.parse(body);
      if (typeof value !== 'object' || value === null) return new URLSearchParams();
      return new URLSearchParams(Object.entries(value).flatMap(([k, v]) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? [[k, String(v)]] : [])));
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(body);
}

const VARIANTS: Partial<Record<string, Variant>> = { empty: 'empty', layout: 'layout', notfound: 'notfound' };

/** Start the simulator. */
export async function startCasenetSim(options: CasenetSimOptions = {}): Promise<CasenetSim> {
  const seeded = options.seed ?? true;
  const generated = options.generated ?? 0;
  const state = new SimState(() => [...(seeded ? seedCases(new Date()) : []), ...generatedCases(generated)]);
  const held = new Set<ServerResponse>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/;jsessionid=[^/]*$/i, '');
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    if (path.startsWith('/__sim/') || path === '/__sim') return send(res, handleControl(state, method, path, raw));
    if (path === '/robots.txt') return send(res, { status: 200, type: 'text/plain', body: ROBOTS });
    const match = CASENET_PATH.exec(path);
    if (!match) {
      if (path === '/') return send(res, { status: 200, type: 'text/html', body: '<!DOCTYPE html><title>Your Missouri Courts</title><a href="/casenet/">Case.net</a>\n' });
      return send(res, { status: 404, type: 'text/plain', body: 'Not Found\n' });
    }

    const base: Base = match[1] === 'cnet' ? '/cnet' : '/casenet';
    const asset = staticAsset(match[2] ?? '');
    if (asset) return send(res, asset);
    const form = method === 'POST' ? bodyParams(req, raw) : new URLSearchParams();
    const params = new URLSearchParams([...url.searchParams, ...form]);
    const route = resolveRoute(state, base, match[2] ?? '', params);
    const fault = state.takeFault(`${path}${url.search} ${raw}`, (mode) => faultApplies(mode, route?.kind ?? 'other'));
    state.logRequest({
      t: Date.now(),
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      ...(form.size > 0 ? { body: Object.fromEntries(form) } : {}),
      ...(fault ? { fault: fault.mode } : {}),
    });

    if (fault?.mode === 'timeout') {
      // Hold the request open: no answer until the client gives up or the simulator closes.
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    const replaced = fault ? faultResponse(fault, path) : null;
    if (replaced) return send(res, replaced);
    if (route === null) return send(res, pageNotFound(base));
    const answer = route.render((fault && VARIANTS[fault.mode]) ?? 'normal');
    send(res, fault?.mode === 'truncated' ? { ...answer, body: truncate(answer.body) } : answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      send(res, { status: 500, type: 'text/plain', body: `simulator error: ${error instanceof Error ? error.message : String(error)}\n` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    state,
    control: (method, path, body) =>
      fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of held) res.destroy();
        held.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
