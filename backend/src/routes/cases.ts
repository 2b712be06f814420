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
 * libsql reads a text back only up to a NUL and stores an unpaired surrogate as U+FFFD, so such a
 * note, caption or tag would come back other than it was sent: refuse it (400) instead.
 */
const LONE_SURROGATE = /\p{Cs}/u;
function unstorableText(body: CasePut): string | null {
  const texts: [string, string | null | undefined][] = [['caption', body.caption], ['note', body.note], ...(body.tags ?? []).map((tag, i): [string, string] => [`tags.${i}`, tag])];
  const bad = texts.find(([, text]) => typeof text === 'string' && (text.includes('\u0000') || LONE_SURROGATE.test(text)));
  return bad ? `${bad[0]}: must not contain NUL characters or unpaired surrogates` : null;
}

const list = createRoute({
  method: 'get',
  path: '/',
  summary: "The caller's cases, in key order, up to `limit` per page",
  security: bearerSecurity,
  request: { query: ListQuery },
  responses: { 200: jsonResponse('A page of cases', CaseList), 401: errorResponse('Not signed in') },
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
  app.openapi(list, (c) => {
    const { limit, after } = c.req.valid('query');
    const cases = store.list(c.get('user').id, limit, after);
    return c.json({ cases, nextAfter: cases.length === limit ? (cases.at(-1)?.key ?? null) : null }, 200);
  });
  app.openapi(put, (c) => {
    const { key } = c.req.valid('param');
    const body = c.req.valid('json');
    const unstorable = unstorableText(body);
    if (unstorable) return jsonError(c, 400, ErrorCodes.invalidInput, unstorable);
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
