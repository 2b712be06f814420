import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorBody } from '../../../shared/api/errors';

/** Every error leaves the API in one JSON shape, the same as better-auth's: `{code, message}`. */
export function jsonError<S extends ContentfulStatusCode>(c: Context, status: S, code: string, message: string, extra: Omit<ApiErrorBody, 'code' | 'message'> = {}) {
  const body: { code: string; message: string } = { code, message, ...extra } satisfies ApiErrorBody;
  return c.json(body, status);
}

/** A zod issue list as one line naming each field: "tags.3: Too big…; note: Expected string". */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : 'body'}: ${i.message}`)
    .join('; ');
}
