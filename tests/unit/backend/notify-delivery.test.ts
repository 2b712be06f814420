import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deliveryId } from '../../../backend/src/notify/delivery-store';
import { digestKey } from '../../../backend/src/notify/digest';
import { LEASE_MS } from '../../../backend/src/notify/retry';
import { DEFAULT_PREFS, type NotificationPrefs } from '../../../shared/api/prefs';
import type { DocketEntry } from '../../../shared/casenet/types';
import { signedInUser } from '../../support/accounts';
import { codeIn, type ApiClient } from '../../support/api-client';
import { startTestBackend, type TestBackend } from '../../support/backend';

// The notifier end to end on a real backend: alert rows (inserted with SQL, as the poller would) →
// enqueue → relay → a local fake Resend and fake Twilio. Time is passed explicitly (`now`); the
// background loop is off (NOTIFY_INTERVAL_MS=0) so only the test drives the relay.

// Each test signs up real users (password hashing, emailed codes): slow on a busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let t: TestBackend;
const log: string[] = [];
beforeAll(async () => {
  t = await startTestBackend({
    twilio: true,
    env: { NOTIFY_INTERVAL_MS: '0', NOTIFY_SEND_TIMEOUT_MS: '300' },
    logTo: new Writable({ write: (chunk, _e, cb) => (log.push(String(chunk)), cb()) }),
  });
});
afterAll(async () => t?.close());

const KEY = 'CT22|22SL-CC00807';
const SOURCE = { origin: 'https://www.courts.mo.gov', base: 'casenet', generation: 'new', courtId: 'SMPDB0010_CT22', caseNumber: '22SL-CC00807' };
const CASE_URL = 'https://www.courts.mo.gov/casenet/cases/newHeader.do?inputVO.caseNumber=22SL-CC00807&inputVO.courtId=SMPDB0010_CT22#docket';
const T0 = Date.parse('2026-03-04T18:00:00Z'); // noon in Chicago

const ENTRY: DocketEntry = {
  date: '2026-03-04',
  title: 'Motion to Dismiss Filed',
  text: 'Defendant moves to dismiss <all> counts & costs.',
  filedBy: 'Jane Roe',
  onBehalfOf: 'ACME Corp',
  scheduledFor: null,
  sequence: null,
};

type User = { client: ApiClient; id: string; email: string };
const db = () => t.backend.services.db;
const notifier = () => t.backend.services.notifier;

async function newUser(prefs?: (p: NotificationPrefs) => void): Promise<User> {
  const email = `u-${randomUUID().slice(0, 8)}@example.com`;
  const client = await signedInUser(t, email);
  const id = String((await client.get('/api/v1/me')).body.id);
  if (prefs) {
    const p = structuredClone(DEFAULT_PREFS);
    prefs(p);
    const res = await client.put('/api/v1/prefs', p);
    if (res.status !== 200) throw new Error(`prefs: ${JSON.stringify(res.body)}`);
  }
  return { client, id, email };
}

/** Confirm a phone number the way a user does: code by SMS, typed back. */
async function confirmPhone(u: User, phone: string): Promise<void> {
  expect((await u.client.post('/api/v1/prefs/phone', { phone })).status).toBe(202);
  const code = codeIn(t.twilio!.messages.filter((m) => m.to === phone).at(-1)!.body);
  expect((await u.client.post('/api/v1/prefs/phone/confirm', { code })).status).toBe(200);
}

function addCase(u: User, key = KEY, opts: { note?: string; caption?: string } = {}): void {
  const [court = '', number = ''] = key.split('|');
  db()
    .prepare(
      `INSERT INTO user_case (user_id, case_key, court_id, case_number, caption, saved, tracked, note, tags, created_at, updated_at, source, deleted, version)
       VALUES (?, ?, ?, ?, ?, 0, 1, ?, '[]', ?, ?, ?, 0, 1)`,
    )
    .run(u.id, key, court, number, opts.caption ?? 'SMITH V JONES', opts.note ?? 'Client meeting on the 10th', T0, T0, key === KEY ? JSON.stringify(SOURCE) : null);
}

/** An alert row as the poller writes it, then enqueued. */
function alert(u: User, opts: { key?: string; kind?: string; entry?: Partial<DocketEntry>; previous?: DocketEntry; at?: number } = {}): string {
  const id = `alert-${randomUUID()}`;
  const entry = { ...ENTRY, ...opts.entry };
  db()
    .prepare('INSERT INTO alert (id, user_id, case_key, fingerprint, kind, entry, previous, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, u.id, opts.key ?? KEY, `fp-${id}`, opts.kind ?? 'new', JSON.stringify(entry), opts.previous ? JSON.stringify(opts.previous) : null, 'server', opts.at ?? T0);
  notifier().enqueue([id], opts.at ?? T0);
  return id;
}

type DeliveryRow = { id: string; channel: string; status: string; attempts: number; next_attempt_at: number; provider_id: string | null; last_error: string | null };
const deliveries = (alertId: string) => db().prepare('SELECT * FROM delivery WHERE alert_id = ? ORDER BY channel').all(alertId) as DeliveryRow[];
const delivery = (alertId: string, channel: string) => deliveries(alertId).find((d) => d.channel === channel);
const attempts = (alertId: string, channel: string) =>
  (db().prepare('SELECT outcome, provider_id, error, at FROM delivery_attempt WHERE delivery_id = ? ORDER BY id').all(deliveryId(alertId, channel as 'email')) as { outcome: string; provider_id: string | null; error: string | null; at: number }[]).map((a) => ({ ...a }));
const emailsFor = async (alertId: string) => (await t.emails()).filter((e) => e.idempotencyKey === deliveryId(alertId, 'email'));

describe('enqueue', () => {
  it('makes one delivery per alert × chosen channel, and nothing more when repeated', async () => {
    const u = await newUser((p) => {
      p.channels.browser.enabled = true;
    });
    addCase(u);
    const id = alert(u);
    expect(deliveries(id).map((d) => [d.channel, d.status, d.next_attempt_at])).toEqual([
      ['browser', 'ready', T0],
      ['email', 'pending', T0],
    ]);
    expect(notifier().enqueue([id, id], T0 + 1000)).toBe(0);
    expect(notifier().enqueue(['no-such-alert'], T0)).toBe(0);
    expect(deliveries(id)).toHaveLength(2);
  });

  it('skips SMS and calls without a confirmed phone, and every channel of a muted case', async () => {
    const u = await newUser((p) => {
      p.channels.sms.enabled = true;
      p.channels.call.enabled = true;
      p.cases['CT22|22SL-CC99999'] = 'mute';
    });
    addCase(u);
    addCase(u, 'CT22|22SL-CC99999');
    expect(deliveries(alert(u)).map((d) => d.channel)).toEqual(['email']);
    expect(deliveries(alert(u, { key: 'CT22|22SL-CC99999' }))).toEqual([]);
  });

  it('digest mode waits for the digest hour; a case set to immediate does not', async () => {
    const u = await newUser((p) => {
      p.channels.email.mode = 'digest';
      p.digestHour = 7;
      p.cases[KEY] = 'immediate';
    });
    addCase(u);
    addCase(u, 'CT22|22SL-CC00001');
    expect(delivery(alert(u), 'email')).toMatchObject({ status: 'pending', next_attempt_at: T0 });
    expect(delivery(alert(u, { key: 'CT22|22SL-CC00001' }), 'email')).toMatchObject({ status: 'digest', next_attempt_at: Date.parse('2026-03-05T13:00:00Z') });
  });

  it('a browser notification not yet handed to a browser is called off when its case is muted or the channel turned off', async () => {
    const withBrowser = (p: NotificationPrefs) => {
      p.channels.browser.enabled = true;
    };
    const u = await newUser(withBrowser);
    const other = 'CT22|22SL-CC00005';
    for (const key of [KEY, other]) addCase(u, key);
    const [a, b] = [alert(u), alert(u, { key: other })];
    expect(delivery(a, 'browser')).toMatchObject({ status: 'ready' });
    notifier().settings.mute(u.id, KEY, Date.now()); // the email's one-click unsubscribe
    expect(delivery(a, 'browser')).toMatchObject({ status: 'cancelled', last_error: 'the case is muted' });
    expect(delivery(b, 'browser')).toMatchObject({ status: 'ready' });

    const prefs = structuredClone(DEFAULT_PREFS);
    prefs.cases[KEY] = 'mute';
    expect((await u.client.put('/api/v1/prefs', prefs)).status).toBe(200); // browser channel off
    expect(delivery(b, 'browser')).toMatchObject({ status: 'cancelled', last_error: 'browser notifications are turned off' });
  });

  it('a waiting digest goes out on its own once its case is set to immediate, or email leaves digest mode', async () => {
    const other = 'CT22|22SL-CC00002';
    const third = 'CT22|22SL-CC00003';
    const u = await newUser((p) => {
      p.channels.email.mode = 'digest';
    });
    for (const key of [KEY, other, third]) addCase(u, key);
    const [a, b, c] = [alert(u), alert(u, { key: other }), alert(u, { key: third })];
    for (const id of [a, b, c]) expect(delivery(id, 'email')).toMatchObject({ status: 'digest' });

    const prefs = structuredClone(DEFAULT_PREFS);
    prefs.channels.email.mode = 'digest';
    prefs.cases[other] = 'immediate';
    const before = Date.now();
    expect((await u.client.put('/api/v1/prefs', prefs)).status).toBe(200);
    expect(delivery(b, 'email')).toMatchObject({ status: 'pending' });
    expect(delivery(b, 'email')!.next_attempt_at).toBeGreaterThanOrEqual(before);
    expect(delivery(a, 'email')).toMatchObject({ status: 'digest' });

    prefs.channels.email.mode = 'immediate';
    expect((await u.client.put('/api/v1/prefs', prefs)).status).toBe(200);
    for (const id of [a, c]) expect(delivery(id, 'email')).toMatchObject({ status: 'pending' });
  });
});

describe('email', () => {
  it('goes out exactly once, with the entry, the note, the case link and a one-click unsubscribe', async () => {
    const u = await newUser();
    addCase(u, KEY, { note: 'Client <meeting> on the 10th' });
    const id = alert(u);
    await notifier().relayOnce(T0);
    await notifier().relayOnce(T0 + 60_000);
    const sent = await emailsFor(id);
    expect(sent).toHaveLength(1);
    const email = sent[0]!;
    expect(email.to).toEqual([u.email]);
    expect(email.subject).toBe('22SL-CC00807 — Motion to Dismiss Filed');
    for (const part of ['SMITH V JONES', '2026-03-04', 'Motion to Dismiss Filed', 'Defendant moves to dismiss <all> counts & costs.', 'Filed by: Jane Roe', 'ACME Corp', 'Your note: Client <meeting> on the 10th', CASE_URL]) {
      expect(email.text).toContain(part);
    }
    expect(email.html).toContain('Client &lt;meeting&gt; on the 10th');
    expect(email.html).toContain(`href="${CASE_URL.replace(/&/g, '&amp;')}"`);
    expect(email.headers['List-Unsubscribe']).toMatch(new RegExp(`^<${t.url}/unsubscribe\\?token=[A-Za-z0-9_.-]+>$`));
    expect(email.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(email.text).toContain(email.headers['List-Unsubscribe']!.slice(1, -1));
    expect(email.idempotencyKey).toBe(deliveryId(id, 'email'));
    expect(email.tags).toContainEqual({ name: 'kind', value: 'alert' });
    expect(delivery(id, 'email')).toMatchObject({ status: 'sent', attempts: 1, provider_id: email.id });
    expect(attempts(id, 'email')).toEqual([{ outcome: 'sent', provider_id: email.id, error: null, at: T0 }]);
  });

  it('a correction or a removal says so, never "new filing"', async () => {
    const u = await newUser();
    addCase(u);
    const changed = alert(u, { kind: 'changed', entry: { title: 'Motion to Dismiss Filed (amended)' }, previous: ENTRY });
    const removed = alert(u, { kind: 'removed' });
    await notifier().relayOnce(T0);
    const [c] = await emailsFor(changed);
    const [r] = await emailsFor(removed);
    expect(c!.subject).toBe('22SL-CC00807 — Corrected entry: Motion to Dismiss Filed (amended)');
    expect(c!.text).toContain('Before the correction:');
    expect(r!.subject).toBe('22SL-CC00807 — Removed entry: Motion to Dismiss Filed');
    for (const e of [c!, r!]) expect(`${e.subject}\n${e.text}\n${e.html}`).not.toMatch(/new filing|new (docket )?entry/i);
  });

  it('Resend 500, then 429, then success: delivered once, every attempt recorded, waits growing', async () => {
    const u = await newUser();
    addCase(u);
    const id = alert(u);
    await fetch(`${t.resend.url}/__fake/fail-next`, { method: 'POST', body: JSON.stringify({ status: 500, count: 1 }) });
    await notifier().relayOnce(T0);
    const first = delivery(id, 'email')!;
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first.next_attempt_at).toBeGreaterThanOrEqual(T0 + 15_000);
    expect(first.next_attempt_at).toBeLessThanOrEqual(T0 + 30_000);
    await notifier().relayOnce(first.next_attempt_at - 1); // not yet due
    expect(delivery(id, 'email')!.attempts).toBe(1);
    await fetch(`${t.resend.url}/__fake/fail-next`, { method: 'POST', body: JSON.stringify({ status: 429, count: 1 }) });
    await notifier().relayOnce(first.next_attempt_at);
    const second = delivery(id, 'email')!;
    expect(second.next_attempt_at - first.next_attempt_at).toBeGreaterThanOrEqual(30_000);
    await notifier().relayOnce(second.next_attempt_at);
    expect(await emailsFor(id)).toHaveLength(1);
    expect(delivery(id, 'email')).toMatchObject({ status: 'sent', attempts: 3 });
    expect(attempts(id, 'email').map((a) => a.outcome)).toEqual(['retry', 'retry', 'sent']);
    expect(attempts(id, 'email')[0]!.error).toMatch(/injected failure/);
  });

  it('dead-letters after 8 failed tries', async () => {
    const u = await newUser();
    addCase(u);
    const id = alert(u);
    await fetch(`${t.resend.url}/__fake/fail-next`, { method: 'POST', body: JSON.stringify({ status: 500, count: 8 }) });
    let now = T0;
    for (let i = 0; i < 10; i++) {
      await notifier().relayOnce(now);
      now += 2 * 3_600_000;
    }
    expect(delivery(id, 'email')).toMatchObject({ status: 'dead', attempts: 8, last_error: expect.stringMatching(/gave up after 8 tries/) });
    expect(attempts(id, 'email').map((a) => a.outcome)).toEqual([...Array(7).fill('retry'), 'dead']);
    expect(await emailsFor(id)).toHaveLength(0);
  });

  it('a relay that crashed after Resend took the email: once its lease expires the row is sent again with the same key, and the user gets one email', async () => {
    const u = await newUser();
    addCase(u);
    const id = alert(u);
    const relay = notifier().relay;
    const claimed = relay.claim(T0).find((c) => c.alertId === id)!;
    const outcome = await relay.attempt(claimed, T0); // sent… and the process dies before recording it
    expect(outcome).toMatchObject({ kind: 'sent' });
    const firstId = (outcome as { providerId: string }).providerId;

    await notifier().relayOnce(T0 + 1000); // another process: the lease still holds
    expect(delivery(id, 'email')).toMatchObject({ status: 'pending', attempts: 1 });
    await notifier().relayOnce(T0 + LEASE_MS + 1);
    expect(delivery(id, 'email')).toMatchObject({ status: 'sent', attempts: 2, provider_id: firstId });
    expect(await emailsFor(id)).toHaveLength(1);
    // The late "crashed" relay cannot overwrite what the new owner recorded.
    relay.record(claimed, { kind: 'retry', error: 'late' }, T0 + LEASE_MS + 2);
    expect(delivery(id, 'email')).toMatchObject({ status: 'sent' });
  });

  it('a relay that crashed right after taking the row: delivered once after the lease expires', async () => {
    const u = await newUser();
    addCase(u);
    const id = alert(u);
    expect(notifier().relay.claim(T0).some((c) => c.alertId === id)).toBe(true);
    await notifier().relayOnce(T0 + LEASE_MS - 1);
    expect(await emailsFor(id)).toHaveLength(0);
    await notifier().relayOnce(T0 + LEASE_MS);
    expect(await emailsFor(id)).toHaveLength(1);
  });
});

describe('SMS and calls', () => {
  it('an SMS (case number, title, link) and a call reading case number and title, each once, with the delivery id as idempotency token', async () => {
    const phone = '+13145550111';
    const u = await newUser((p) => {
      p.channels.sms.enabled = true;
      p.channels.call.enabled = true;
    });
    await confirmPhone(u, phone);
    addCase(u);
    const id = alert(u, { entry: { title: 'Hearing Scheduled & Continued' } });
    await notifier().relayOnce(T0);
    await notifier().relayOnce(T0 + 3_600_000);
    const sms = t.twilio!.messages.filter((m) => m.idempotencyToken === deliveryId(id, 'sms'));
    const calls = t.twilio!.calls.filter((c) => c.idempotencyToken === deliveryId(id, 'call'));
    expect(sms).toHaveLength(1);
    expect(calls).toHaveLength(1);
    expect(sms[0]).toMatchObject({ to: phone, from: t.twilio!.from });
    expect(sms[0]!.body).toBe(`Docket Watch: 22SL-CC00807 new docket entry: Hearing Scheduled & Continued ${CASE_URL}`);
    expect(calls[0]!.to).toBe(phone);
    expect(calls[0]!.twiml).toContain('<Say>New docket entry in case 2 2 S L, C C 0 0 8 0 7: Hearing Scheduled &amp; Continued.</Say>');
    expect(delivery(id, 'sms')).toMatchObject({ status: 'sent', provider_id: sms[0]!.sid });
    expect(delivery(id, 'call')).toMatchObject({ status: 'sent', provider_id: calls[0]!.sid });
  });

  it('a request that timed out is maybe-sent and never repeated', async () => {
    const phone = '+13145550112';
    const u = await newUser((p) => {
      p.channels.sms.enabled = true;
    });
    await confirmPhone(u, phone);
    addCase(u);
    const id = alert(u);
    t.twilio!.delayNext({ ms: 1000 });
    await notifier().relayOnce(T0);
    expect(delivery(id, 'sms')).toMatchObject({ status: 'maybe-sent', last_error: expect.stringMatching(/no answer from Twilio within 300 ms/) });
    expect(attempts(id, 'sms').map((a) => a.outcome)).toEqual(['maybe-sent']);
    await notifier().relayOnce(T0 + 24 * 3_600_000);
    expect(t.twilio!.requests.filter((r) => r.idempotencyToken === deliveryId(id, 'sms'))).toHaveLength(1);
    expect(delivery(id, 'email')).toMatchObject({ status: 'sent' });
  });

  it('Twilio 503 is retried; a refused number is dead at once', async () => {
    const phone = '+13145550113';
    const u = await newUser((p) => {
      p.channels.sms.enabled = true;
      p.channels.email.enabled = false;
    });
    await confirmPhone(u, phone);
    addCase(u);
    const id = alert(u);
    t.twilio!.failNext({ status: 503 });
    await notifier().relayOnce(T0);
    expect(delivery(id, 'sms')).toMatchObject({ status: 'pending', attempts: 1 });
    await notifier().relayOnce(T0 + 3_600_000);
    expect(delivery(id, 'sms')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(t.twilio!.messages.filter((m) => m.idempotencyToken === deliveryId(id, 'sms'))).toHaveLength(1);

    const refused = alert(u, { entry: { title: 'Another' } });
    t.twilio!.failNext({ status: 400, code: 21211 });
    await notifier().relayOnce(T0);
    expect(delivery(refused, 'sms')).toMatchObject({ status: 'dead', attempts: 1, last_error: expect.stringMatching(/Twilio HTTP 400 21211/) });
  });

  it('quiet hours hold SMS and calls until they end (email goes at once)', async () => {
    const phone = '+13145550114';
    const u = await newUser((p) => {
      p.channels.sms.enabled = true;
      p.quietHours = { startHour: 22, endHour: 7 };
    });
    await confirmPhone(u, phone);
    addCase(u);
    const night = Date.parse('2026-03-05T08:00:00Z'); // 2 a.m. in Chicago
    const morning = Date.parse('2026-03-05T13:00:00Z'); // 7 a.m.
    const id = alert(u, { at: night });
    expect(delivery(id, 'sms')).toMatchObject({ status: 'pending', next_attempt_at: morning });
    await notifier().relayOnce(night);
    await notifier().relayOnce(morning - 60_000);
    expect(delivery(id, 'email')).toMatchObject({ status: 'sent' });
    expect(t.twilio!.messages.filter((m) => m.idempotencyToken === deliveryId(id, 'sms'))).toHaveLength(0);
    await notifier().relayOnce(morning);
    expect(delivery(id, 'sms')).toMatchObject({ status: 'sent', attempts: 1 });
  });
});

describe('SMS and call digests', () => {
  const KEY2 = 'CT22|22SL-CC00001';
  /** `hour`:00 in Chicago (CST) on 2026-03-05, the morning after T0. */
  const morning = (hour: number) => Date.parse('2026-03-05T06:00:00Z') + hour * 3_600_000;
  const digestSms = (phone: string) => t.twilio!.messages.filter((m) => m.to === phone && m.idempotencyToken?.startsWith('digest_'));
  const digestCalls = (phone: string) => t.twilio!.calls.filter((c) => c.to === phone && c.idempotencyToken?.startsWith('digest_'));

  /** A user whose SMS and/or calls come as a daily digest at `hour` (email off), with a confirmed phone. */
  async function digestUser(phone: string, channels: ('sms' | 'call')[], hour: number, more?: (p: NotificationPrefs) => void): Promise<User> {
    const u = await newUser((p) => {
      p.channels.email.enabled = false;
      for (const c of channels) p.channels[c] = { enabled: true, mode: 'digest' };
      p.digestHour = hour;
      more?.(p);
    });
    await confirmPhone(u, phone);
    return u;
  }

  it('two alerts on two cases: no SMS before the digest hour, exactly one at it naming both; none when nothing is new', async () => {
    const phone = '+13145550121';
    const u = await digestUser(phone, ['sms'], 6);
    addCase(u);
    addCase(u, KEY2);
    const a1 = alert(u);
    const a2 = alert(u, { key: KEY2, entry: { title: 'Answer Filed' } });
    for (const id of [a1, a2]) expect(deliveries(id).map((d) => [d.channel, d.status, d.next_attempt_at])).toEqual([['sms', 'digest', morning(6)]]);
    await notifier().relayOnce(morning(6)); // the relay leaves digest rows alone
    expect(await notifier().digestOnce(morning(6) - 60_000)).toMatchObject({ sms: 0 });
    expect(digestSms(phone)).toHaveLength(0);

    expect(await notifier().digestOnce(morning(6))).toMatchObject({ sms: 1 });
    const sent = digestSms(phone);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toBe('Docket Watch: 2 docket changes on 2 cases: 22SL-CC00001 Answer Filed; 22SL-CC00807 Motion to Dismiss Filed. Details in your Docket Watch dashboard.');
    expect(sent[0]!.idempotencyToken).toBe(digestKey([deliveryId(a1, 'sms'), deliveryId(a2, 'sms')]));
    for (const id of [a1, a2]) expect(delivery(id, 'sms')).toMatchObject({ status: 'sent', attempts: 1, provider_id: sent[0]!.sid });

    expect(await notifier().digestOnce(morning(6) + 60_000)).toMatchObject({ sms: 0 });
    expect(await notifier().digestOnce(morning(6) + 24 * 3_600_000)).toMatchObject({ sms: 0 });
    expect(digestSms(phone)).toHaveLength(1);
  });

  it('a Twilio 503 is retried as the same SMS (same token): one SMS arrives', async () => {
    const phone = '+13145550122';
    const u = await digestUser(phone, ['sms'], 8);
    addCase(u);
    const id = alert(u);
    t.twilio!.failNext({ status: 503 });
    expect(await notifier().digestOnce(morning(8))).toMatchObject({ sms: 0 });
    const waiting = delivery(id, 'sms')!;
    expect(waiting).toMatchObject({ status: 'digest', attempts: 1, last_error: expect.stringMatching(/Twilio HTTP 503/) });
    expect(waiting.next_attempt_at).toBeGreaterThan(morning(8));
    expect(await notifier().digestOnce(waiting.next_attempt_at)).toMatchObject({ sms: 1 });
    const sent = digestSms(phone);
    expect(sent).toHaveLength(1);
    expect(t.twilio!.requests.filter((r) => r.idempotencyToken === sent[0]!.idempotencyToken)).toHaveLength(2);
    expect(sent[0]!.body).toBe(`Docket Watch: 1 docket change on 1 case: 22SL-CC00807 Motion to Dismiss Filed ${CASE_URL}`);
    expect(delivery(id, 'sms')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(attempts(id, 'sms').map((a) => a.outcome)).toEqual(['retry', 'sent']);
  });

  it('one call reading the count and each case number with its newest entry (five at most, then how many more)', async () => {
    const phone = '+13145550123';
    const u = await digestUser(phone, ['call'], 9);
    const keys = [KEY, ...Array.from({ length: 5 }, (_, i) => `CT22|22SL-CC0000${i + 1}`)];
    for (const key of keys) {
      addCase(u, key);
      alert(u, { key });
    }
    alert(u, { key: keys[1], entry: { title: 'Order <Granted> & Entered' }, at: T0 + 1000 });
    expect(await notifier().digestOnce(morning(9))).toMatchObject({ calls: 1 });
    const calls = digestCalls(phone);
    expect(calls).toHaveLength(1);
    const twiml = calls[0]!.twiml;
    expect(twiml).toMatch(/^<Response><Say>This is Docket Watch with your daily digest: 7 docket changes on 6 cases\.<\/Say>/);
    expect(twiml).toContain('<Say>Case 2 2 S L, C C 0 0 0 0 1: Order &lt;Granted&gt; &amp; Entered.</Say>'); // the case's newest entry
    for (const n of [2, 3, 4, 5]) expect(twiml).toContain(`<Say>Case 2 2 S L, C C 0 0 0 0 ${n}: Motion to Dismiss Filed.</Say>`);
    expect(twiml).not.toContain('C C 0 0 8 0 7'); // the sixth case (in key order) is only counted
    expect(twiml).toContain('<Say>And 1 more case.</Say>');
    const sentRows = db().prepare(`SELECT COUNT(*) AS n FROM delivery WHERE user_id = ? AND channel = 'call' AND status = 'sent' AND provider_id = ?`).get(u.id, calls[0]!.sid) as { n: number };
    expect(Number(sentRows.n)).toBe(7);
  });

  it('a call digest whose request timed out is maybe-sent and never repeated', async () => {
    const phone = '+13145550124';
    const u = await digestUser(phone, ['call'], 10);
    addCase(u);
    const id = alert(u);
    t.twilio!.delayNext({ ms: 1000 });
    await notifier().digestOnce(morning(10));
    expect(delivery(id, 'call')).toMatchObject({ status: 'maybe-sent', last_error: expect.stringMatching(/no answer from Twilio within 300 ms/) });
    await notifier().digestOnce(morning(10) + 24 * 3_600_000);
    const token = digestKey([deliveryId(id, 'call')]);
    expect(t.twilio!.requests.filter((r) => r.idempotencyToken === token)).toHaveLength(1);
  });

  it('a muted case is left out (cancelled), the rest goes in one SMS and one call', async () => {
    const phone = '+13145550125';
    const u = await digestUser(phone, ['sms', 'call'], 11);
    addCase(u);
    addCase(u, KEY2);
    const kept = alert(u);
    const muted = alert(u, { key: KEY2 });
    const p = structuredClone(DEFAULT_PREFS);
    p.channels = { email: { enabled: false, mode: 'immediate' }, sms: { enabled: true, mode: 'digest' }, call: { enabled: true, mode: 'digest' }, browser: { enabled: false, mode: 'immediate' } };
    p.digestHour = 11;
    p.cases[KEY2] = 'mute';
    expect((await u.client.put('/api/v1/prefs', p)).status).toBe(200);
    expect(await notifier().digestOnce(morning(11))).toMatchObject({ sms: 1, calls: 1 });
    expect(digestSms(phone).map((m) => m.body)).toEqual([`Docket Watch: 1 docket change on 1 case: 22SL-CC00807 Motion to Dismiss Filed ${CASE_URL}`]);
    expect(digestCalls(phone)).toHaveLength(1);
    expect(digestCalls(phone)[0]!.twiml).not.toContain('C C 0 0 0 0 1');
    for (const channel of ['sms', 'call']) {
      expect(delivery(kept, channel)).toMatchObject({ status: 'sent' });
      expect(delivery(muted, channel)).toMatchObject({ status: 'cancelled', attempts: 0, last_error: 'the case is muted' });
    }
  });

  it('a digest hour inside quiet hours waits until they end', async () => {
    const phone = '+13145550126';
    const u = await digestUser(phone, ['sms'], 5, (p) => (p.quietHours = { startHour: 22, endHour: 7 }));
    addCase(u);
    const id = alert(u);
    expect(delivery(id, 'sms')).toMatchObject({ status: 'digest', next_attempt_at: morning(7) });
    await notifier().digestOnce(morning(5));
    expect(digestSms(phone)).toHaveLength(0);
    await notifier().digestOnce(morning(7));
    expect(digestSms(phone)).toHaveLength(1);
    expect(delivery(id, 'sms')).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('changing the digest hour or the quiet hours moves a waiting SMS digest (after quiet hours)', async () => {
    const phone = '+13145550127';
    const settings = (digestHour: number, endHour: number) => (p: NotificationPrefs) => {
      p.channels = { ...p.channels, email: { enabled: false, mode: 'immediate' }, sms: { enabled: true, mode: 'digest' } };
      p.digestHour = digestHour;
      p.quietHours = { startHour: 22, endHour };
    };
    const u = await digestUser(phone, ['sms'], 5, settings(5, 7));
    addCase(u);
    const now = Date.now();
    const id = alert(u, { at: now });
    const localHour = () => {
      const next = delivery(id, 'sms')!.next_attempt_at;
      expect(next).toBeGreaterThan(now);
      return new Intl.DateTimeFormat('en-US', { timeZone: 'America/Chicago', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).format(next);
    };
    expect(localHour()).toBe('07:00');
    const put = async (change: (p: NotificationPrefs) => void) => {
      const p = structuredClone(DEFAULT_PREFS);
      change(p);
      expect((await u.client.put('/api/v1/prefs', p)).status).toBe(200);
    };
    await put(settings(5, 8)); // quiet hours end later
    expect(localHour()).toBe('08:00');
    await put(settings(9, 8)); // a digest hour after quiet hours
    expect(localHour()).toBe('09:00');
    expect(delivery(id, 'sms')).toMatchObject({ status: 'digest', attempts: 0 });
  });
});

describe('muting', () => {
  it('a case muted after the alert was queued is cancelled, not sent', async () => {
    const u = await newUser();
    addCase(u);
    const id = alert(u);
    const p = structuredClone(DEFAULT_PREFS);
    p.cases[KEY] = 'mute';
    expect((await u.client.put('/api/v1/prefs', p)).status).toBe(200);
    await notifier().relayOnce(T0);
    expect(delivery(id, 'email')).toMatchObject({ status: 'cancelled', attempts: 0, last_error: 'the case is muted' });
    expect(await emailsFor(id)).toHaveLength(0);
  });
});

describe('logs', () => {
  it('never hold message bodies, unsubscribe tokens, codes or whole phone numbers', async () => {
    const text = log.join('');
    expect(text).toContain('delivery attempt');
    for (const secret of ['Motion to Dismiss', 'Client meeting', '3145550111', '/unsubscribe?token=', 'Docket Watch: your code']) expect(text).not.toContain(secret);
  });
});
