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
  /** Watch tracked cases from the server: Case.net's base (the real site or the simulator); absent = poller off. */
  CASENET_BASE_URL: z.url().optional(),
  /** Replaces the court-hours polling schedule (development, tests). */
  POLL_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).optional(),
  /** Least time between two requests to Case.net, in ms (plus up to half of it as jitter). */
  POLL_SPACING_MS: z.coerce.number().int().min(0).max(600_000).default(2_000),
  /**
   * This process polls one share of the watched cases, `i/n` (0 ≤ i < n ≤ 64), when several backend
   * processes share one database (DATABASE_URL=libsql://…); absent: all of them.
   */
  POLL_SHARD: z
    .string()
    .regex(/^\d{1,2}\/\d{1,2}$/, 'must be i/n, e.g. 0/3')
    .transform((v) => {
      const [index = 0, count = 1] = v.split('/').map(Number);
      return { index, count };
    })
    .refine((s) => s.count >= 1 && s.count <= 64 && s.index < s.count, 'must be i/n with 0 ≤ i < n ≤ 64')
    .optional(),
  /** How long the server waits for one Case.net answer. */
  CASENET_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(30_000),
  /** SMS and calls through Twilio: all of SID, token and sender, or none (channels then unavailable). */
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio account SID (AC + 32 hex digits)').optional(),
  TWILIO_AUTH_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
  TWILIO_FROM: z.string().regex(/^\+[1-9]\d{7,14}$/, 'must be a phone number in E.164 form, e.g. +13145550123').optional(),
  TWILIO_BASE_URL: z.url().optional(),
  /** How often the notifier relays due deliveries, in ms; 0 turns the background loop off. */
  NOTIFY_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  /** How long one send to Resend or Twilio may take before it counts as timed out. */
  NOTIFY_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
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
  /** SMS and calls; null when Twilio is not configured (those channels are unavailable). */
  twilio: TwilioConfig | null;
  notify: { intervalMs: number; sendTimeoutMs: number };
  /** The server-side docket watcher; null when CASENET_BASE_URL is not set. */
  poll: { baseUrl: string; intervalSeconds: number | undefined; spacingMs: number; timeoutMs: number; shard: PollShard } | null;
};

/** The share of the watched cases one process polls: those whose row number is `index` modulo `count`. */
export type PollShard = { index: number; count: number };

export type TwilioConfig = { accountSid: string; authToken: string; from: string; baseUrl: string };

const TWILIO_VARS = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM', 'TWILIO_BASE_URL'] as const;

/** All of SID, token and sender, or none of the Twilio variables; a partial set names what is missing. */
function twilioConfig(e: z.infer<typeof EnvSchema>): TwilioConfig | null {
  if (!TWILIO_VARS.some((name) => e[name] !== undefined)) return null;
  const missing = TWILIO_VARS.slice(0, 3).filter((name) => e[name] === undefined);
  if (missing.length) {
    throw new ConfigError(`Invalid configuration:\n${missing.map((name) => `  ${name}: required when any TWILIO_* variable is set (SMS and calls need all of TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM)`).join('\n')}`);
  }
  return { accountSid: e.TWILIO_ACCOUNT_SID ?? '', authToken: e.TWILIO_AUTH_TOKEN ?? '', from: e.TWILIO_FROM ?? '', baseUrl: (e.TWILIO_BASE_URL ?? 'https://api.twilio.com').replace(/\/$/, '') };
}

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
    twilio: twilioConfig(e),
    notify: { intervalMs: e.NOTIFY_INTERVAL_MS, sendTimeoutMs: e.NOTIFY_SEND_TIMEOUT_MS },
    poll: e.CASENET_BASE_URL ? { baseUrl: e.CASENET_BASE_URL.replace(/\/$/, ''), intervalSeconds: e.POLL_INTERVAL_SECONDS, spacingMs: e.POLL_SPACING_MS, timeoutMs: e.CASENET_TIMEOUT_MS, shard: e.POLL_SHARD ?? { index: 0, count: 1 } } : null,
  };
}
