import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/**
 * Backend configuration, parsed once from the environment at start (never at import time, so tests
 * vary it). A bad value stops the server with a message naming the variable.
 */
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const perMinute = z.coerce.number().int().min(1).max(1_000_000);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:\/\/|https?:\/\/|:memory:$)/, 'must be file:PATH, libsql://HOST or :memory:')
    .default('file:./data/docketwatch.db'),
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  /** Where generated state (the auth secret) lives; defaults to the database file's folder. */
  DATA_DIR: z.string().min(1).optional(),
  BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PUBLIC_URL: z.url().default('http://127.0.0.1:8787'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('Docket Watch <alerts@docketwatch.local>'),
  /** Read the client address from X-Forwarded-For (only behind a proxy you run). */
  TRUST_PROXY: flag.default(false),
  /** Requests per minute per client address on each auth route. */
  AUTH_RATE_LIMIT: perMinute.default(30),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  dataDir: string;
  authSecret: string | undefined;
  publicUrl: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Resend when a key is set; otherwise the dev outbox (never in production). */
  mail: { kind: 'resend'; apiKey: string; baseUrl: string | undefined; from: string } | { kind: 'dev-outbox'; from: string };
  trustProxy: boolean;
  authRateLimitPerMinute: number;
};

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings count as "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.RESEND_API_KEY) {
    throw new ConfigError('Invalid configuration:\n  RESEND_API_KEY: required when NODE_ENV=production (the dev outbox is for development only)');
  }
  const dbFolder = e.DATABASE_URL.startsWith('file:') ? dirname(resolve(e.DATABASE_URL.slice('file:'.length))) : resolve('data');
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    dataDir: e.DATA_DIR ? resolve(e.DATA_DIR) : dbFolder,
    authSecret: e.BETTER_AUTH_SECRET,
    publicUrl: e.PUBLIC_URL.replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    mail: e.RESEND_API_KEY
      ? { kind: 'resend', apiKey: e.RESEND_API_KEY, baseUrl: e.RESEND_BASE_URL, from: e.MAIL_FROM }
      : { kind: 'dev-outbox', from: e.MAIL_FROM },
    trustProxy: e.TRUST_PROXY,
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT,
  };
}
