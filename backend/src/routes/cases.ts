import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { CasePut, CaseRecord } from '../../../shared/api/cases';
import { ErrorCodes } from '../../../shared/api/errors';
import { parseCaseKey, tryCaseKey } from '../../../shared/casenet/key';
import { CaseLimitError, type CaseStore } from '../cases/case-store';
import { jsonError } from '../http/errors';
import { bearerSecurity, errorResponse, jsonBody, jsonResponse, openApiRouter } from './openapi-app';

const KeyParam = z.object({
  key: z
    .string()
    .max(100)
    .refine((k) => parseCaseKey(k) !== null, 'not a case key (COURT|CASE-NUMBER, e.g. CT22|22SL-CC00807)')
    .meta({ param: { name: 'key', in: 'path' }, example: 'CT22|22SL-CC00807' }),
});
const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(1000),
  after: z.string().max(100).optional().meta({ description: 'The last key of the previous page' }),
});
const CaseList = z.object({ cases: z.array(CaseRecord), nextAfter: z.string().nullable() });

/**
 * `GET /cases` answers as sent, per user and query, reused while the user's version is unchanged
 * (every write of their folder takes a new one, also from another process sharing the database): a
 * poll of an unchanged folder costs one indexed lookup instead of reading and serializing up to
 * 1,000 rows (~15 ms), and carries an ETag, so a client sending If-None-Match gets a bodiless 304.
 * Kept as UTF-8 bytes, plus a gzip copy made for the first client that accepts it (browsers do:
 * 250 kB of cases is ~15 kB). Least recently used listings are dropped past `maxBytes` (counted on
 * the plain bytes).
 */
type Listing = { version: number; body: Uint8Array<ArrayBuffer>; gzip?: Uint8Array<ArrayBuffer>; etag: string };
class ListingCache {
  private readonly entries = new Map<string, Listing>();
  private bytes = 0;
  constructor(private readonly maxBytes: number) {}

  get(key: string, version: number): Listing | undefined {
    const hit = this.entries.get(key);
    if (!hit || hit.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  set(key: string, listing: Listing): void {
    this.drop(key);
    this.entries.set(key, listing);
    this.bytes += listing.body.byteLength;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.bytes -= old.body.byteLength;
    this.entries.delete(key);
  }
}

/** Accept-Encoding allows gzip (named, with a q above 0). */
function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [coding = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === 'x-gzip') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * The bytes as a one-chunk stream: middlewares that set a header after the handler (ours, CORS) make
 * Hono rebuild the response from its body, which copies a byte array (250 kB, each time) but only
 * passes a stream along.
 */
function oneChunk(bytes: Uint8Array<ArrayBuffer>): ReadableStream<Uint8Array<ArrayBuffer>> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

/** If-None-Match names this ETag (weak comparison, as RFC 9110 wants for it), or is `*`. */
function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

const list = createRoute({
  method: 'get',
  path: '/',
  summary: "The caller's cases, in key order, up to `limit` per page",
  security: bearerSecurity,
  request: { query: ListQuery },
  responses: {
    200: jsonResponse('A page of cases (with an ETag; `Cache-Control: private, no-cache`)', CaseList),
    304: { description: 'Unchanged since the ETag sent in If-None-Match' },
    401: errorResponse('Not signed in'),
  },
});
const put = createRoute({
  method: 'put',
  path: '/{key}',
  summary: 'Create or update one case of the caller',
  security: bearerSecurity,
  request: { params: KeyParam, body: jsonBody(CasePut) },
  responses: {
    200: jsonResponse('Updated', CaseRecord),
    201: jsonResponse('Created', CaseRecord),
    400: errorResponse('Invalid body or key, or the key does not match courtId + caseNumber'),
    401: errorResponse('Not signed in'),
    409: errorResponse('Folder full (20,000 cases)'),
  },
});
const remove = createRoute({
  method: 'delete',
  path: '/{key}',
  summary: 'Remove one case of the caller',
  security: bearerSecurity,
  request: { params: KeyParam },
  responses: { 204: { description: 'Removed' }, 401: errorResponse('Not signed in'), 404: errorResponse('No such case for this user') },
});

/** `/api/v1/cases`: the caller's server-side folder. Another user's case is simply not there (404). */
export function casesRoutes(store: CaseStore, now: () => number = Date.now) {
  const app = openApiRouter();
  const listings = new ListingCache(64 * 1024 * 1024);
  app.openapi(list, (c) => {
    const { limit, after } = c.req.valid('query');
    const userId = c.get('user').id;
    const key = `${userId}\n${limit}\n${after ?? ''}`;
    const version = store.version(userId);
    let listing = listings.get(key, version);
    if (!listing) {
      const cases = store.list(userId, limit, after);
      const body = new TextEncoder().encode(JSON.stringify({ cases, nextAfter: cases.length === limit ? (cases.at(-1)?.key ?? null) : null }));
      const etag = `W/"${createHash('sha256').update(`${key}\n${version}`).digest('base64url').slice(0, 27)}"`;
      listing = { version, body, etag };
      if (store.version(userId) === version) listings.set(key, listing);
    }
    c.header('ETag', listing.etag);
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Accept-Encoding', { append: true });
    if (notModified(c.req.header('if-none-match'), listing.etag)) return c.body(null, 304);
    if (acceptsGzip(c.req.header('accept-encoding'))) {
      const gzip = (listing.gzip ??= new Uint8Array(gzipSync(listing.body)));
      return c.body(oneChunk(gzip), 200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'Content-Length': String(gzip.byteLength) });
    }
    return c.body(oneChunk(listing.body), 200, { 'Content-Type': 'application/json', 'Content-Length': String(listing.body.byteLength) });
  });
  app.openapi(put, (c) => {
    const { key } = c.req.valid('param');
    const body = c.req.valid('json');
    const bodyKey = tryCaseKey(body.courtId, body.caseNumber);
    const parts = parseCaseKey(key);
    if (bodyKey !== key || !parts) {
      return jsonError(c, 400, ErrorCodes.invalidInput, `courtId + caseNumber make ${bodyKey ?? 'no valid key'}, not the key in the URL (${key}).`);
    }
    try {
      const { record, created } = store.put(c.get('user').id, key, { ...body, ...parts }, now());
      return c.json(record, created ? 201 : 200);
    } catch (err) {
      if (err instanceof CaseLimitError) return jsonError(c, 409, ErrorCodes.limitReached, err.message);
      throw err;
    }
  });
  app.openapi(remove, (c) => {
    const { key } = c.req.valid('param');
    if (!store.remove(c.get('user').id, key, now())) return jsonError(c, 404, ErrorCodes.notFound, `No case ${key} in your folder.`);
    return c.body(null, 204);
  });
  return app;
}
