import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverFetch } from '../../../../backend/src/watch/server-fetch';
import type { CasenetRequest } from '../../../../shared/casenet/urls';

// The poller's transport against a real HTTP server on 127.0.0.1 standing in for Case.net: what it
// sends, which redirects it follows, and how it fails (always an answer, never a throw).

type Seen = { method: string; url: string; ua: string | undefined; body: string };
const seen: Seen[] = [];
let server: Server;
let base: string;

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/casenet/cases/page.do': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>docket é</p>'),
  '/casenet/cases/gzip.do': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('<p>zipped</p>')),
  '/casenet/cases/moved.do': (_req, res) => res.writeHead(302, { location: '/casenet/cases/page.do?from=moved' }).end(),
  '/casenet/cases/absolute.do': (_req, res) => res.writeHead(301, { location: 'https://www.courts.mo.gov/casenet/cases/page.do?from=absolute' }).end(),
  '/casenet/cases/offsite.do': (_req, res) => res.writeHead(302, { location: 'https://example.com/phish' }).end(),
  '/casenet/cases/loop.do': (_req, res) => res.writeHead(302, { location: '/casenet/cases/loop.do' }).end(),
  '/casenet/cases/slow.do': () => undefined, // never answers
  '/casenet/cases/huge.do': (_req, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(25 * 2 ** 20, 32))),
  '/casenet/cases/busy.do': (_req, res) => res.writeHead(503, { 'retry-after': '120' }).end('busy'),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', ua: req.headers['user-agent'], body });
      const route = routes[(req.url ?? '').split('?')[0] ?? ''];
      if (route) route(req, res);
      else res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const get = (path: string): CasenetRequest => ({ method: 'GET', url: `https://www.courts.mo.gov${path}` });
const fetchPage = () => serverFetch({ baseUrl: base, userAgent: 'DocketWatch/test' });

describe('serverFetch', () => {
  it('sends the request to the configured base with its user agent, and reads the page as UTF-8', async () => {
    seen.length = 0;
    const res = await fetchPage()(get('/casenet/cases/page.do?inputVO.caseNumber=1'));
    expect(res).toMatchObject({ ok: true, status: 200, text: '<p>docket é</p>' });
    expect(seen).toEqual([{ method: 'GET', url: '/casenet/cases/page.do?inputVO.caseNumber=1', ua: 'DocketWatch/test', body: '' }]);
  });

  it('posts a form body with its content type', async () => {
    seen.length = 0;
    await fetchPage()({ method: 'POST', url: 'https://www.courts.mo.gov/casenet/cases/page.do', body: 'a=1&b=2' });
    expect(seen[0]).toMatchObject({ method: 'POST', body: 'a=1&b=2' });
  });

  it('decompresses a gzip answer', async () => {
    expect(await fetchPage()(get('/casenet/cases/gzip.do'))).toMatchObject({ ok: true, text: '<p>zipped</p>' });
  });

  it('follows redirects within Case.net (relative or absolute), always to the same base', async () => {
    seen.length = 0;
    expect(await fetchPage()(get('/casenet/cases/moved.do'))).toMatchObject({ ok: true, status: 200, text: '<p>docket é</p>' });
    expect(await fetchPage()(get('/casenet/cases/absolute.do'))).toMatchObject({ ok: true, status: 200 });
    expect(seen.map((s) => s.url)).toEqual(['/casenet/cases/moved.do', '/casenet/cases/page.do?from=moved', '/casenet/cases/absolute.do', '/casenet/cases/page.do?from=absolute']);
  });

  it('does not follow a redirect off Case.net, nor an endless one', async () => {
    expect(await fetchPage()(get('/casenet/cases/offsite.do'))).toEqual({ ok: false, status: null, message: 'Case.net redirected to a page that is not on Case.net' });
    expect(await fetchPage()(get('/casenet/cases/loop.do'))).toEqual({ ok: false, status: null, message: 'Case.net redirected too many times' });
  });

  it('refuses a URL that is not Case.net without sending anything', async () => {
    seen.length = 0;
    expect(await fetchPage()({ method: 'GET', url: 'https://example.com/casenet/cases/page.do' })).toMatchObject({ ok: false, message: 'refusing a URL that is not a Case.net page' });
    expect(seen).toEqual([]);
  });

  it('gives up after the timeout, on an answer far too large, and on a closed port, with plain words', async () => {
    expect(await fetchPage()(get('/casenet/cases/slow.do'), { timeoutMs: 300 })).toEqual({ ok: false, status: null, message: 'Case.net did not answer within 0.3 seconds' });
    expect(await fetchPage()(get('/casenet/cases/huge.do'))).toEqual({ ok: false, status: null, message: 'Case.net sent an answer far too large for a case page' });
    const closed = serverFetch({ baseUrl: 'http://127.0.0.1:9', userAgent: 'x' });
    expect(await closed(get('/casenet/cases/page.do'))).toEqual({ ok: false, status: null, message: 'Case.net could not be reached' });
  });

  it('hands over error statuses with their headers (Retry-After is the reader’s to honour)', async () => {
    expect(await fetchPage()(get('/casenet/cases/busy.do'))).toMatchObject({ ok: true, status: 503, text: 'busy', headers: { 'retry-after': '120' } });
  });

  it('sends again, once, on a new connection when a kept-alive one was closed as it was reused', async () => {
    // A server that answers the first request of each connection and drops the connection on the second.
    let connections = 0;
    const sockets = new Set<Socket>();
    const tcp = createTcpServer((socket) => {
      connections += 1;
      sockets.add(socket);
      let requests = 0;
      socket.on('data', () => {
        requests += 1;
        if (requests === 1) socket.write('HTTP/1.1 200 OK\r\nContent-Length: 7\r\nConnection: keep-alive\r\n\r\nanswer!');
        else socket.resetAndDestroy();
      });
    });
    await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
    const address = tcp.address();
    const viaTcp = serverFetch({ baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, userAgent: 'x' });
    try {
      expect(await viaTcp(get('/casenet/cases/page.do'))).toMatchObject({ ok: true, text: 'answer!' });
      expect(await viaTcp(get('/casenet/cases/page.do'))).toMatchObject({ ok: true, text: 'answer!' });
      expect(connections).toBe(2);
    } finally {
      for (const socket of sockets) socket.destroy(); // the client keeps the last connection alive
      await new Promise((r) => tcp.close(r));
    }
  });
});
