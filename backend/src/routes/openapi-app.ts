import { OpenAPIHono } from '@hono/zod-openapi';
import { ErrorCodes } from '../../../shared/api/errors';
import type { AppEnv } from '../http/env';
import { describeIssues, jsonError } from '../http/errors';
import { z } from 'zod';

/** An OpenAPI router whose failed validations answer 400 `{code:"INVALID_INPUT", message}` naming the field. */
export function openApiRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return jsonError(c, 400, ErrorCodes.invalidInput, describeIssues(result.error.issues));
      return undefined;
    },
  });
}

export const ErrorSchema = z.object({ code: z.string(), message: z.string() }).meta({ id: 'Error' });
export const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
export const bearerSecurity = [{ bearer: [] }];
