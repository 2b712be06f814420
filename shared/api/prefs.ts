import { z } from 'zod';
import { isCaseKey } from '../casenet/key';
import { DocketEntry } from '../casenet/types';
import { isTimeZone } from '../schedule/zoned';

/**
 * Notification settings, as `GET/PUT /api/v1/prefs` carry them (the dashboard reuses these
 * schemas). Hours are local hours (0–23) in the user's IANA `timeZone`. Email, SMS and calls are
 * each immediate or a daily digest (one email, one SMS, one call at `digestHour`; SMS and calls after
 * quiet hours); browser notifications are always immediate (the extension shows them).
 */
export const CHANNELS = ['email', 'sms', 'call', 'browser'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;
/** Channels with a daily digest mode (browser notifications are always immediate). */
export const DIGEST_CHANNELS = ['email', 'sms', 'call'] as const satisfies readonly Channel[];
export type DigestChannel = (typeof DIGEST_CHANNELS)[number];

export const DeliveryMode = z.enum(['immediate', 'digest']);
export type DeliveryMode = z.infer<typeof DeliveryMode>;

const Hour = z.number().int().min(0).max(23);

export const ChannelPref = z.strictObject({ enabled: z.boolean(), mode: DeliveryMode });
export type ChannelPref = z.infer<typeof ChannelPref>;

/** Per-case override: `mute` (nothing on any channel) or `immediate` (no digest for this case). */
export const CaseOverride = z.enum(['mute', 'immediate']);
export type CaseOverride = z.infer<typeof CaseOverride>;

/** A user has at most 20,000 cases, so at most as many overrides. */
export const MAX_CASE_OVERRIDES = 20_000;

export const NotificationPrefs = z
  .strictObject({
    channels: z.strictObject({ email: ChannelPref, sms: ChannelPref, call: ChannelPref, browser: ChannelPref }),
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, 'not a known IANA time zone (e.g. America/Chicago)')
      .meta({ example: 'America/Chicago' }),
    /** Local hour the daily digests are sent (every channel in digest mode). */
    digestHour: Hour,
    /** No SMS or call from `startHour` to `endHour` (local; may cross midnight); they wait until it ends. */
    quietHours: z
      .strictObject({ startHour: Hour, endHour: Hour })
      .refine((q) => q.startHour !== q.endHour, 'startHour and endHour must differ')
      .nullable(),
    cases: z
      .record(z.string().max(100).refine(isCaseKey, 'not a case key (COURT|CASE-NUMBER)'), CaseOverride)
      .refine((r) => Object.keys(r).length <= MAX_CASE_OVERRIDES, `at most ${MAX_CASE_OVERRIDES} case overrides`),
    hearingReminders: z.strictObject({
      /** Days before each scheduled hearing to remind; empty = no reminders. */
      daysBefore: z
        .array(z.number().int().min(1).max(90))
        .max(5)
        .refine((d) => new Set(d).size === d.length, 'days must differ'),
    }),
  })
  .superRefine((p, ctx) => {
    if (p.channels.browser.mode === 'digest') {
      ctx.addIssue({ code: 'custom', path: ['channels', 'browser', 'mode'], message: 'browser notifications are always immediate (digest mode is for email, SMS and calls); use immediate' });
    }
  })
  .meta({ id: 'NotificationPrefs' });
export type NotificationPrefs = z.infer<typeof NotificationPrefs>;

/** A new verified account: email on, immediate; everything else off; digest at 7 a.m. Central. */
export const DEFAULT_PREFS: NotificationPrefs = {
  channels: {
    email: { enabled: true, mode: 'immediate' },
    sms: { enabled: false, mode: 'immediate' },
    call: { enabled: false, mode: 'immediate' },
    browser: { enabled: false, mode: 'immediate' },
  },
  timeZone: 'America/Chicago',
  digestHour: 7,
  quietHours: null,
  cases: {},
  hearingReminders: { daysBefore: [10, 2] },
};

/** E.164: `+` and 8–15 digits, no leading zero. */
export const E164 = z.string().regex(/^\+[1-9]\d{7,14}$/, 'a phone number in E.164 form, e.g. +13145550123');

/** What `GET /api/v1/prefs` answers: the settings, the phone's state, and which channels the server can send on. */
export const PrefsView = NotificationPrefs.safeExtend({
  phone: z.object({
    /** The confirmed number SMS and calls go to, or null. */
    number: E164.nullable(),
    /** A number waiting for its SMS code, or null. */
    pending: E164.nullable(),
  }),
  available: z.object({ email: z.boolean(), sms: z.boolean(), call: z.boolean(), browser: z.boolean() }),
}).meta({ id: 'PrefsView' });
export type PrefsView = z.infer<typeof PrefsView>;

export const PhoneStart = z.strictObject({ phone: E164 });
export const PhoneConfirm = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'the code is 6 digits') });

/** Error codes of the prefs routes, besides shared/api/errors' (INVALID_INPUT, INVALID_CODE, RATE_LIMITED). */
export const PrefsErrorCodes = {
  /** 409: SMS or calls asked for while the server has no Twilio account. */
  channelUnavailable: 'CHANNEL_UNAVAILABLE',
  /** 409: a code was typed but no number is waiting for one. */
  noPendingPhone: 'NO_PENDING_PHONE',
  /** 502: the SMS with the code could not be sent. */
  smsFailed: 'SMS_FAILED',
} as const;

/** `GET /api/v1/notifications`: the caller's alerts, newest first, each with its deliveries and every attempt. */
export const DeliveryStatus = z.enum(['pending', 'digest', 'ready', 'sent', 'maybe-sent', 'dead', 'cancelled']);
export const AttemptOutcome = z.enum(['sent', 'retry', 'dead', 'maybe-sent']);

export const DeliveryAttemptView = z.object({
  at: z.string(),
  outcome: AttemptOutcome,
  providerId: z.string().nullable(),
  error: z.string().nullable(),
});

export const DeliveryView = z.object({
  id: z.string(),
  channel: Channel,
  status: DeliveryStatus,
  /** Tries so far. */
  tries: z.number().int(),
  /** When a waiting delivery (pending, digest) is next tried; null otherwise. */
  nextAttemptAt: z.string().nullable(),
  providerId: z.string().nullable(),
  lastError: z.string().nullable(),
  updatedAt: z.string(),
  attempts: z.array(DeliveryAttemptView),
});
export type DeliveryView = z.infer<typeof DeliveryView>;

export const NotificationView = z.object({
  id: z.string(),
  caseKey: z.string(),
  caseNumber: z.string(),
  caption: z.string().nullable(),
  kind: z.enum(['new', 'changed', 'removed', 'hearing']),
  origin: z.string(),
  entry: DocketEntry,
  previous: DocketEntry.nullable(),
  createdAt: z.string(),
  deliveries: z.array(DeliveryView),
});
export type NotificationView = z.infer<typeof NotificationView>;

export const NotificationPage = z.object({
  notifications: z.array(NotificationView),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.string().nullable(),
}).meta({ id: 'NotificationPage' });
export type NotificationPage = z.infer<typeof NotificationPage>;
