import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../../backend/src/config';
import { DEFAULT_PREFS, type NotificationPrefs } from '../../../shared/api/prefs';
import { signedInUser } from '../../support/accounts';
import { codeIn, type ApiClient } from '../../support/api-client';
import { startTestBackend, type TestBackend } from '../../support/backend';

// Notification settings through the real API: defaults, validation, channels the server cannot
// send on, and confirming a phone number with an SMS code (through a local fake Twilio).

const KEY = 'CT22|22SL-CC00807';
const PHONE = '+13145550123';

// Each test signs up real users (password hashing, emailed codes): slow on a busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let plain: TestBackend; // no Twilio
let withTwilio: TestBackend;
const log: string[] = [];

beforeAll(async () => {
  plain = await startTestBackend({ env: { NOTIFY_INTERVAL_MS: '0' } });
  withTwilio = await startTestBackend({
    twilio: true,
    env: { NOTIFY_INTERVAL_MS: '0' },
    logTo: new Writable({ write: (chunk, _e, cb) => (log.push(String(chunk)), cb()) }),
  });
});
afterAll(async () => {
  await plain?.close();
  await withTwilio?.close();
});

const valid = (over: Partial<NotificationPrefs> = {}): NotificationPrefs => ({ ...structuredClone(DEFAULT_PREFS), ...over });

describe('Twilio configuration', () => {
  it('is all or none: a partial set names what is missing', () => {
    expect(loadConfig({}).twilio).toBeNull();
    const sid = `AC${'a'.repeat(32)}`;
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: sid })).toThrow(ConfigError);
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: sid })).toThrow(/TWILIO_AUTH_TOKEN[\s\S]*TWILIO_FROM/);
    expect(() => loadConfig({ TWILIO_BASE_URL: 'http://127.0.0.1:1' })).toThrow(/TWILIO_ACCOUNT_SID/);
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: 'nope', TWILIO_AUTH_TOKEN: 'secret-token', TWILIO_FROM: '+13145550100' })).toThrow(/TWILIO_ACCOUNT_SID/);
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 'secret-token', TWILIO_FROM: '555-0100' })).toThrow(/TWILIO_FROM/);
    const full = loadConfig({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: 'secret-token', TWILIO_FROM: '+13145550100' });
    expect(full.twilio).toEqual({ accountSid: sid, authToken: 'secret-token', from: '+13145550100', baseUrl: 'https://api.twilio.com' });
    expect(full.notify).toEqual({ intervalMs: 5000, sendTimeoutMs: 10_000 });
  });
});

describe('GET/PUT /api/v1/prefs', () => {
  let user: ApiClient;
  beforeAll(async () => {
    user = await signedInUser(plain, 'prefs@example.com');
  });

  it('a new verified account: email on and immediate, everything else off; SMS and calls unavailable without Twilio', async () => {
    const res = await user.get('/api/v1/prefs');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...DEFAULT_PREFS,
      phone: { number: null, pending: null },
      available: { email: true, sms: false, call: false, browser: true },
    });
    expect(res.body).toMatchObject({ channels: { email: { enabled: true, mode: 'immediate' }, sms: { enabled: false }, call: { enabled: false }, browser: { enabled: false } }, hearingReminders: { daysBefore: [10, 2] } });
  });

  it('saves a full set of settings and reads it back', async () => {
    const prefs = valid({
      channels: { email: { enabled: true, mode: 'digest' }, sms: { enabled: false, mode: 'digest' }, call: { enabled: false, mode: 'digest' }, browser: { enabled: true, mode: 'immediate' } },
      timeZone: 'Europe/Paris',
      digestHour: 18,
      quietHours: { startHour: 22, endHour: 7 },
      cases: { [KEY]: 'immediate', 'CT12|171155061': 'mute' },
      hearingReminders: { daysBefore: [7, 1] },
    });
    const put = await user.put('/api/v1/prefs', prefs);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject(prefs);
    expect((await user.get('/api/v1/prefs')).body).toMatchObject(prefs);
  });

  const bad: [string, unknown, RegExp][] = [
    ['an unknown time zone', valid({ timeZone: 'Mars/Olympus' }), /^timeZone: not a known IANA time zone/],
    ['a digest hour of 24', valid({ digestHour: 24 }), /^digestHour: /],
    ['quiet hours that start when they end', valid({ quietHours: { startHour: 7, endHour: 7 } }), /^quietHours: startHour and endHour must differ/],
    ['a quiet hour of -1', valid({ quietHours: { startHour: -1, endHour: 7 } }), /^quietHours\.startHour: /],
    ['a case override on something that is not a case key', valid({ cases: { 'not a key': 'mute' } }), /^cases\.not a key: /],
    ['an unknown override', { ...valid(), cases: { [KEY]: 'loud' } }, /^cases\.CT22\|22SL-CC00807: /],
    ['digest mode for browser notifications', valid({ channels: { ...DEFAULT_PREFS.channels, browser: { enabled: true, mode: 'digest' } } }), /^channels\.browser\.mode: browser notifications are always immediate/],
    ['a channel missing', { ...valid(), channels: { email: DEFAULT_PREFS.channels.email } }, /^channels\.sms: /],
    ['the same reminder day twice', valid({ hearingReminders: { daysBefore: [2, 2] } }), /^hearingReminders\.daysBefore: days must differ/],
    ['an unknown field', { ...valid(), phone: '+13145550123' }, /phone/],
    ['not an object', [1, 2], /^body: /],
  ];
  it.each(bad)('refuses %s with 400 INVALID_INPUT naming the field, and changes nothing', async (_name, body, message) => {
    const before = (await user.get('/api/v1/prefs')).body;
    const res = await user.put('/api/v1/prefs', body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'INVALID_INPUT', message: expect.stringMatching(message) });
    expect((await user.get('/api/v1/prefs')).body).toEqual(before);
  });

  it('refuses SMS or calls while the server has no Twilio account (409 CHANNEL_UNAVAILABLE)', async () => {
    for (const channel of ['sms', 'call'] as const) {
      const res = await user.put('/api/v1/prefs', valid({ channels: { ...DEFAULT_PREFS.channels, [channel]: { enabled: true, mode: 'immediate' } } }));
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ code: 'CHANNEL_UNAVAILABLE', message: expect.stringContaining(`channels.${channel}`) });
    }
    const phone = await user.post('/api/v1/prefs/phone', { phone: PHONE });
    expect(phone.status).toBe(409);
    expect(phone.body).toMatchObject({ code: 'CHANNEL_UNAVAILABLE' });
  });

  it('is documented in the OpenAPI document, behind the bearer token', async () => {
    const doc = (await (await fetch(`${plain.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, { security?: unknown }>> };
    for (const [path, method] of [['/prefs', 'get'], ['/prefs', 'put'], ['/prefs/phone', 'post'], ['/prefs/phone', 'delete'], ['/prefs/phone/confirm', 'post'], ['/notifications', 'get']] as const) {
      expect(doc.paths[path]?.[method]?.security, `${method} ${path}`).toEqual([{ bearer: [] }]);
    }
  });
});

describe('confirming a phone number by SMS code', () => {
  let user: ApiClient;
  let userId: string;
  const lastCode = () => codeIn(withTwilio.twilio!.messages.filter((m) => m.to === PHONE).at(-1)!.body);
  const stored = () => String((withTwilio.backend.services.db.prepare('SELECT prefs FROM notification_prefs WHERE user_id = ?').get(userId) as { prefs: string }).prefs);

  beforeAll(async () => {
    user = await signedInUser(withTwilio, 'phone@example.com');
    userId = String((await user.get('/api/v1/me')).body.id);
  });

  it('SMS and calls are available; a number that is not E.164 is refused', async () => {
    expect((await user.get('/api/v1/prefs')).body).toMatchObject({ available: { sms: true, call: true }, phone: { number: null, pending: null } });
    for (const phone of ['3145550123', '+0123456789', '+1 314 555 0123', '']) {
      const res = await user.post('/api/v1/prefs/phone', { phone });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^phone: /) });
    }
    expect((await user.post('/api/v1/prefs/phone/confirm', { code: '123456' })).body).toMatchObject({ code: 'NO_PENDING_PHONE' });
  });

  it('sends a 6-digit code, stores it only hashed, allows 5 tries, then confirms with a fresh code', async () => {
    const sent = await user.post('/api/v1/prefs/phone', { phone: PHONE });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ pending: PHONE });
    const code = lastCode();
    expect(code).toMatch(/^\d{6}$/);
    expect(stored()).not.toContain(code);
    expect((await user.get('/api/v1/prefs')).body).toMatchObject({ phone: { number: null, pending: PHONE } });

    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) {
      const res = await user.post('/api/v1/prefs/phone/confirm', { code: wrong });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'INVALID_CODE', attemptsLeft: left });
    }
    const fifth = await user.post('/api/v1/prefs/phone/confirm', { code: wrong });
    expect(fifth.body).toMatchObject({ code: 'INVALID_CODE', attemptsLeft: 0 });
    // Used up: even the right code no longer works.
    expect((await user.post('/api/v1/prefs/phone/confirm', { code })).body).toMatchObject({ code: 'NO_PENDING_PHONE' });

    expect((await user.post('/api/v1/prefs/phone', { phone: PHONE })).status).toBe(202);
    const ok = await user.post('/api/v1/prefs/phone/confirm', { code: lastCode() });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ phone: { number: PHONE, pending: null } });
    const sms = withTwilio.twilio!.messages.filter((m) => m.to === PHONE);
    expect(sms.every((m) => m.from === withTwilio.twilio!.from && m.idempotencyToken?.startsWith('phone-code-'))).toBe(true);
  });

  it('a code expires after 10 minutes', async () => {
    expect((await user.post('/api/v1/prefs/phone', { phone: '+13145550199' })).status).toBe(202);
    const code = codeIn(withTwilio.twilio!.messages.at(-1)!.body);
    withTwilio.backend.services.db.prepare("UPDATE notification_prefs SET prefs = json_set(prefs, '$.challenge.expiresAt', ?) WHERE user_id = ?").run(Date.now() - 1, userId);
    const res = await user.post('/api/v1/prefs/phone/confirm', { code });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_CODE', message: expect.stringMatching(/expired/) });
    // The confirmed number is untouched.
    expect((await user.get('/api/v1/prefs')).body).toMatchObject({ phone: { number: PHONE } });
  });

  it('at most 5 codes an hour, then 429 RATE_LIMITED', async () => {
    // Three codes were sent above; two more are allowed.
    for (let i = 0; i < 2; i++) expect((await user.post('/api/v1/prefs/phone', { phone: PHONE })).status).toBe(202);
    const res = await user.post('/api/v1/prefs/phone', { phone: PHONE });
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
  });

  it('a failing SMS provider gives 502 SMS_FAILED and leaves no pending number', async () => {
    const other = await signedInUser(withTwilio, 'phone2@example.com');
    withTwilio.twilio!.failNext({ status: 503 });
    const res = await other.post('/api/v1/prefs/phone', { phone: '+13145550177' });
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ code: 'SMS_FAILED' });
    expect((await other.get('/api/v1/prefs')).body).toMatchObject({ phone: { number: null, pending: null } });
  });

  it('SMS and calls can be turned on, and the number removed', async () => {
    const on = valid({ channels: { ...DEFAULT_PREFS.channels, sms: { enabled: true, mode: 'immediate' }, call: { enabled: true, mode: 'immediate' } } });
    expect((await user.put('/api/v1/prefs', on)).status).toBe(200);
    const removed = await user.delete('/api/v1/prefs/phone');
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ phone: { number: null, pending: null } });
  });

  it('never logs codes or whole phone numbers', () => {
    const text = log.join('');
    expect(text).toContain('phone confirmation code sent');
    expect(text).not.toContain('3145550123');
    // As a number of its own (a 6-digit run inside a timestamp is not a code).
    for (const m of withTwilio.twilio!.messages) expect(text).not.toMatch(new RegExp(`(?<!\\d)${codeIn(m.body)}(?!\\d)`));
  });
});
