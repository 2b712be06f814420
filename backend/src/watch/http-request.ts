import http from 'node:http';
import https from 'node:https';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';
import { promisify } from 'node:util';

/**
 * One HTTP exchange over node:http(s) with keep-alive connections: the poller's transport. It costs
 * a fraction of the CPU of the global fetch per request (bench/watch-poll.ts), which matters when one
 * poll cycle reads thousands of pages. Redirects are the caller's (see server-fetch.ts).
 */
export type HttpAnswer = { status: number; headers: Record<string, string>; body: Buffer };

export class HttpTimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

export class HttpTooLargeError extends Error {}

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 4 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 4 }),
};

type Decode = (b: Buffer, o: { maxOutputLength: number }) => Promise<Buffer>;
const decoders: Record<string, Decode> = {
  gzip: promisify(gunzip) as Decode,
  'x-gzip': promisify(gunzip) as Decode,
  deflate: promisify(inflate) as Decode,
  br: promisify(brotliDecompress) as Decode,
};

type ExchangeOptions = { method: string; headers: Record<string, string>; body?: string; timeoutMs: number; maxBytes: number };

/** One request and its answer, decoded (gzip, deflate, br); a connection closed under a reuse is retried once. */
export async function httpRequest(url: URL, opts: ExchangeOptions): Promise<HttpAnswer> {
  const deadline = Date.now() + opts.timeoutMs;
  let raw: HttpAnswer;
  try {
    raw = await exchange(url, opts);
  } catch (err) {
    // A kept-alive connection the server closed just as it was reused: once more, on a new one,
    // within what is left of the time allowed.
    if (!(err instanceof StaleConnectionError)) throw err;
    raw = await exchange(url, { ...opts, timeoutMs: Math.max(1, deadline - Date.now()) });
  }
  const encoding = raw.headers['content-encoding']?.trim().toLowerCase();
  const decode = encoding ? decoders[encoding] : undefined;
  if (!decode) return raw;
  try {
    return { ...raw, body: await decode(raw.body, { maxOutputLength: opts.maxBytes }) };
  } catch (err) {
    if (err instanceof RangeError) throw new HttpTooLargeError(`answer larger than ${opts.maxBytes} bytes once decompressed`);
    throw err;
  }
}

class StaleConnectionError extends Error {}

/** One request and its whole (still encoded) answer. */
function exchange(url: URL, opts: ExchangeOptions): Promise<HttpAnswer> {
  const client = url.protocol === 'https:' ? https : http;
  const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
  return new Promise<HttpAnswer>((resolve, reject) => {
    const req = client.request(url, { method: opts.method, agent, headers: { 'accept-encoding': 'gzip, deflate, br', ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxBytes) {
          req.destroy(new HttpTooLargeError(`answer larger than ${opts.maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    // The whole exchange, not only a quiet socket, must end within timeoutMs.
    const timer = setTimeout(() => req.destroy(new HttpTimeoutError(`no answer within ${opts.timeoutMs} ms`)), opts.timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (err: NodeJS.ErrnoException) => reject(req.reusedSocket && err.code === 'ECONNRESET' ? new StaleConnectionError(err.message) : err));
    req.end(opts.body);
  });
}
