import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deliveryId } from '../../../backend/src/notify/delivery-store';
import { unsubscribeToken } from '../../../backend/src/notify/unsubscribe-token';
import { DEFAULT_PREFS, type NotificationPrefs } from '../../../shared/api/prefs';
import type { DocketEntry } from '../../../shared/casenet/types';
import { signedInUser } from '../../support/accounts';
import type { ApiClient } from '../../support/api-client';
import { startTestBackend, type TestBackend } from '../../support/backend';

// Daily digests across a DST change, the one-click unsubscribe, notification history and its
// ownership, and the background loop — on a real backend with a local fake Resend.

// Each test signs up real users (password hashing, emailed codes): slow on a busy machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let t: TestBackend;
beforeAll(async () => {
  t = await startTestBackend({ env: { NOTIFY_INTERVAL_MS: '0' } });
});
afterAll(async () => t?.close());

const KEY_A = 'CT22|22SL-CC00807';
const KEY_B = 'CT12|171155061';
const ENTRY: DocketEntry = { date: '2026-10-30', title: 'Motion to Compel Filed', text: null, filedBy: 'Jane Roe', onBehalfOf: null, scheduledFor: null, sequence: null };

type User = { client: ApiClient; id: string; email: string };
const db = () => t.backend.services.db;
const notifier = () => t.backend.services.notifier;

async function newUser(prefs?: (p: NotificationPrefs) => void): Promise<User> {
  const email = `h-${randomUUID().slice(0, 8)}@example.com`;
  const client = await signedInUser(t, email);
  const id = String((await client.get('/api/v1/me')).body.id);
  if (prefs) {
    const p = structuredClone(DEFAULT_PREFS);
    prefs(p);
    expect((await client.put('/api/v1/prefs', p)).status).toBe(200);
  }
  return { client, id, email };
}

function addCase(u: User, key: string, note = ''): void {
  const [court = '', number = ''] = key.split('|');
  db()
    .prepare(
      `INSERT INTO user_case (user_id, case_key, court_id, case_number, caption, saved, tracked, note, tags, created_at, updated_at, source, deleted, version)
       VALUES (?, ?, ?, ?, ?, 0, 1, ?, '[]', 0, 0, NULL, 0, 1)`,
    )
    .run(u.id, key, court, number, `CAPTION OF ${number}`, note);
}

function alert(u: User, key: string, at: number, title: string): string {
  const id = `alert-${randomUUID()}`;
  db()
    .prepare('INSERT INTO alert (id, user_id, case_key, fingerprint, kind, entry, previous, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)')
    .run(id, u.id, key, `fp-${id}`, 'new', JSON.stringify({ ...ENTRY, title }), 'server', at);
  notifier().enqueue([id], at);
  return id;
}

const nextAttempt = (alertId: string) => Number((db().prepare("SELECT next_attempt_at FROM delivery WHERE alert_id = ? AND channel = 'email'").get(alertId) as { next_attempt_at: number }).next_attempt_at);
const digestsTo = async (u: User) => (await t.emails()).filter((e) => e.to.includes(u.email) && e.tags.some((tag) => tag.value === 'digest'));

describe('daily digest across the end of DST (America/Chicago, 2026-11-01)', () => {
  it('sends one email at 7 a.m. local time, grouped by case, and nothing when nothing is new', async () => {
    const u = await newUser((p) => {
      p.channels.email.mode = 'digest';
      p.digestHour = 7;
      p.timeZone = 'America/Chicago';
    });
    addCase(u, KEY_A, 'Settlement talks');
    addCase(u, KEY_B);
    const sevenCst = Date.parse('2026-11-01T13:00:00Z');
    const a1 = alert(u, KEY_A, Date.parse('2026-10-31T20:00:00Z'), 'First entry on A'); // 3 p.m. CDT Saturday
    const b1 = alert(u, KEY_B, Date.parse('2026-11-01T05:30:00Z'), 'Entry on B'); // 0:30 CDT Sunday
    const a2 = alert(u, KEY_A, Date.parse('2026-11-01T07:30:00Z'), 'Second entry on A'); // 1:30 CST, after the change
    for (const id of [a1, b1, a2]) expect(nextAttempt(id)).toBe(sevenCst);

    await notifier().relayOnce(sevenCst); // the relay leaves digest rows alone
    expect(await notifier().digestOnce(Date.parse('2026-11-01T12:00:00Z'))).toEqual({ emails: 0, sms: 0, calls: 0, entries: 0 }); // 7:00 had DST not ended
    expect(await digestsTo(u)).toHaveLength(0);

    expect(await notifier().digestOnce(sevenCst)).toEqual({ emails: 1, sms: 0, calls: 0, entries: 3 });
    expect(await notifier().digestOnce(sevenCst + 60_000)).toEqual({ emails: 0, sms: 0, calls: 0, entries: 0 });
    const [digest] = await digestsTo(u);
    expect(digest!.subject).toBe('Docket Watch digest — 3 changes on 2 cases');
    const text = digest!.text;
    // Grouped by case (key order: CT12 before CT22), each case's entries oldest first, with the note once.
    const order = ['171155061', 'Entry on B', '22SL-CC00807', 'Settlement talks', 'First entry on A', 'Second entry on A'].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(text.match(/\/unsubscribe\?token=/g)).toHaveLength(2);
    expect(digest!.headers['List-Unsubscribe']).toBeUndefined(); // two cases: one link each in the body

    // The next day, nothing new: no email.
    expect(await notifier().digestOnce(Date.parse('2026-11-02T13:00:00Z'))).toEqual({ emails: 0, sms: 0, calls: 0, entries: 0 });
    // Something new after the digest waits for the next day's 7 a.m. (CST now).
    const a3 = alert(u, KEY_A, Date.parse('2026-11-01T15:00:00Z'), 'Third entry on A');
    expect(nextAttempt(a3)).toBe(Date.parse('2026-11-02T13:00:00Z'));
    expect(await notifier().digestOnce(Date.parse('2026-11-02T13:00:00Z'))).toEqual({ emails: 1, sms: 0, calls: 0, entries: 1 });
    const all = await digestsTo(u);
    expect(all).toHaveLength(2);
    expect(all[1]!.text).toContain('Third entry on A');
    expect(all[1]!.text).not.toContain('First entry on A');
    expect(all[1]!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });

  it('a failed digest is retried as the same email (same idempotency key): one digest arrives', async () => {
    const u = await newUser((p) => {
      p.channels.email.mode = 'digest';
      p.digestHour = 9;
      p.timeZone = 'UTC';
    });
    addCase(u, KEY_A);
    alert(u, KEY_A, Date.parse('2026-05-01T08:00:00Z'), 'One');
    alert(u, KEY_A, Date.parse('2026-05-01T08:30:00Z'), 'Two');
    await fetch(`${t.resend.url}/__fake/fail-next`, { method: 'POST', body: JSON.stringify({ status: 500, count: 1 }) });
    const nine = Date.parse('2026-05-01T09:00:00Z');
    expect(await notifier().digestOnce(nine)).toEqual({ emails: 0, sms: 0, calls: 0, entries: 0 });
    expect(await notifier().digestOnce(nine + 3_600_000)).toEqual({ emails: 1, sms: 0, calls: 0, entries: 2 });
    expect(await digestsTo(u)).toHaveLength(1);
  });

  it('a retried digest due with newer rows goes out as the same set first: nothing is sent twice under a new key', async () => {
    const u = await newUser((p) => {
      p.channels.email.mode = 'digest';
      p.digestHour = 9;
      p.timeZone = 'UTC';
    });
    addCase(u, KEY_A);
    alert(u, KEY_A, Date.parse('2026-05-03T08:00:00Z'), 'Old one');
    // The first try fails (Resend answers 500): it will be retried.
    await fetch(`${t.resend.url}/__fake/fail-next`, { method: 'POST', body: JSON.stringify({ status: 500, count: 1 }) });
    const nine = Date.parse('2026-05-03T09:00:00Z');
    expect(await notifier().digestOnce(nine)).toMatchObject({ emails: 0 });
    alert(u, KEY_A, Date.parse('2026-05-03T10:00:00Z'), 'New one');
    // Both due at once (the retry waited a day, say): the retried set alone, then the new one.
    db().prepare("UPDATE delivery SET next_attempt_at = ? WHERE user_id = ? AND channel = 'email'").run(nine, u.id);
    expect(await notifier().digestOnce(nine + 60_000)).toMatchObject({ emails: 1, entries: 1 });
    expect(await notifier().digestOnce(nine + 120_000)).toMatchObject({ emails: 1, entries: 1 });
    const sent = await digestsTo(u);
    expect(sent.map((e) => e.text.includes('Old one'))).toEqual([true, false]);
    expect(sent[1]!.text).toContain('New one');
  });

  it('changing the digest hour moves what waits', async () => {
    const u = await newUser((p) => {
      p.channels.email.mode = 'digest';
      p.digestHour = 7;
    });
    addCase(u, KEY_A);
    const at = Date.now();
    const id = alert(u, KEY_A, at, 'Waiting');
    const p = structuredClone(DEFAULT_PREFS);
    p.channels.email.mode = 'digest';
    p.digestHour = 18;
    p.timeZone = 'Asia/Kolkata';
    expect((await u.client.put('/api/v1/prefs', p)).status).toBe(200);
    const next = nextAttempt(id);
    expect(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Kolkata', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).format(next)).toBe('18:00');
    expect(next).toBeGreaterThan(at);
  });
});

describe('one-click unsubscribe (RFC 8058)', () => {
  it('GET shows a confirm page and changes nothing; POST mutes the case for that user; forged tokens are refused', async () => {
    const u = await newUser();
    addCase(u, KEY_A);
    const first = alert(u, KEY_A, Date.now(), 'Order Entered');
    await notifier().relayOnce(Date.now());
    const email = (await t.emails()).find((e) => e.idempotencyKey === deliveryId(first, 'email'))!;
    const url = email.headers['List-Unsubscribe']!.slice(1, -1);
    expect(url.startsWith(`${t.url}/unsubscribe?token=`)).toBe(true);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
    const html = await page.text();
    expect(html).toContain('Stop alerts about this case?');
    expect(html).toContain('<form method="post">');
    expect(html).not.toContain(new URL(url).searchParams.get('token')!);
    expect((await u.client.get('/api/v1/prefs')).body).toMatchObject({ cases: {} });

    const other = await newUser();
    const forged = [
      `${t.url}/unsubscribe?token=${unsubscribeToken('not-the-server-secret-not-the-server-secret', u.id, KEY_A)}`,
      `${t.url}/unsubscribe?token=${unsubscribeToken('not-the-server-secret-not-the-server-secret', other.id, KEY_A)}`,
      url.replace(/token=[^.]+/, `token=${Buffer.from(`${other.id}\n${KEY_A}`).toString('base64url')}`), // another user, same signature
      `${t.url}/unsubscribe?token=`,
      `${t.url}/unsubscribe`,
    ];
    for (const bad of forged) {
      expect((await fetch(bad)).status, bad).toBe(400);
      const res = await fetch(bad, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
      expect(res.status, bad).toBe(400);
      expect(await res.text()).toContain('This link did not work');
    }
    expect((await other.client.get('/api/v1/prefs')).body).toMatchObject({ cases: {} });

    // The mail client's one-click POST.
    const done = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Unsubscribed');
    expect((await u.client.get('/api/v1/prefs')).body).toMatchObject({ cases: { [KEY_A]: 'mute' } });
    const later = alert(u, KEY_A, Date.now(), 'Later entry');
    expect(db().prepare('SELECT count(*) AS n FROM delivery WHERE alert_id = ?').get(later)).toMatchObject({ n: 0 });
  });
});

describe('GET /api/v1/notifications', () => {
  let a: User;
  let b: User;
  const ids: string[] = [];
  const base = Date.parse('2026-04-01T15:00:00Z');

  beforeAll(async () => {
    a = await newUser();
    b = await newUser();
    addCase(a, KEY_A);
    for (let i = 0; i < 3; i++) ids.push(alert(a, KEY_A, base + i * 60_000, `Entry ${i}`));
    await fetch(`${t.resend.url}/__fake/fail-next`, { method: 'POST', body: JSON.stringify({ status: 500, count: 1 }) });
    await notifier().relayOnce(base + 5 * 60_000);
    await notifier().relayOnce(base + 5 * 3_600_000);
  });

  it("lists the caller's alerts newest first, with each delivery and every attempt", async () => {
    const res = await a.client.get('/api/v1/notifications');
    expect(res.status).toBe(200);
    const list = res.body.notifications as { id: string; caseKey: string; caseNumber: string; kind: string; entry: DocketEntry; deliveries: { channel: string; status: string; providerId: string; attempts: { outcome: string; providerId: string | null; at: string }[] }[] }[];
    expect(list.map((n) => n.id)).toEqual([...ids].reverse());
    expect(list[0]).toMatchObject({ caseKey: KEY_A, caseNumber: '22SL-CC00807', kind: 'new', entry: { title: 'Entry 2' }, origin: 'server', createdAt: new Date(base + 120_000).toISOString() });
    const attempts = list.flatMap((n) => n.deliveries.flatMap((d) => d.attempts.map((x) => x.outcome)));
    expect(attempts.filter((o) => o === 'sent')).toHaveLength(3);
    expect(attempts.filter((o) => o === 'retry')).toHaveLength(1);
    for (const n of list) {
      expect(n.deliveries).toHaveLength(1);
      const d = n.deliveries[0]!;
      expect(d).toMatchObject({ channel: 'email', status: 'sent', nextAttemptAt: null });
      expect(d.attempts.at(-1)).toMatchObject({ outcome: 'sent', providerId: d.providerId });
    }
    expect(res.body.nextBefore).toBeNull();
  });

  it('pages with limit and before', async () => {
    const first = await a.client.get('/api/v1/notifications?limit=2');
    expect((first.body.notifications as { id: string }[]).map((n) => n.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.nextBefore).toBe(ids[1]);
    const second = await a.client.get(`/api/v1/notifications?limit=2&before=${encodeURIComponent(String(first.body.nextBefore))}`);
    expect((second.body.notifications as { id: string }[]).map((n) => n.id)).toEqual([ids[0]]);
    expect(second.body.nextBefore).toBeNull();
    for (const bad of ['limit=0', 'limit=201', 'limit=x', 'before=no-such-alert']) {
      const res = await a.client.get(`/api/v1/notifications?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body).toMatchObject({ code: 'INVALID_INPUT' });
    }
  });

  it("another user sees none of it, not even through A's alert id", async () => {
    expect((await b.client.get('/api/v1/notifications')).body).toEqual({ notifications: [], nextBefore: null });
    const res = await b.client.get(`/api/v1/notifications?before=${encodeURIComponent(ids[2]!)}`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toContain('Entry');
  });
});

describe('the background loop', () => {
  it('relays on its own every NOTIFY_INTERVAL_MS and stops cleanly on close', async () => {
    const live = await startTestBackend({ env: { NOTIFY_INTERVAL_MS: '50' } });
    try {
      const client = await signedInUser(live, 'loop@example.com');
      const id = String((await client.get('/api/v1/me')).body.id);
      const db2 = live.backend.services.db;
      db2.prepare(`INSERT INTO user_case (user_id, case_key, court_id, case_number, caption, saved, tracked, note, tags, created_at, updated_at, deleted, version) VALUES (?, ?, 'CT22', '22SL-CC00807', NULL, 0, 1, '', '[]', 0, 0, 0, 1)`).run(id, KEY_A);
      db2.prepare("INSERT INTO alert (id, user_id, case_key, fingerprint, kind, entry, previous, origin, created_at) VALUES ('loop-alert', ?, ?, 'fp', 'new', ?, NULL, 'server', ?)").run(id, KEY_A, JSON.stringify(ENTRY), Date.now());
      live.backend.services.notifier.enqueue(['loop-alert'], Date.now());
      await vi.waitFor(async () => expect(await live.lastEmail('loop@example.com', /Motion to Compel/)).toBeTruthy(), { timeout: 10_000, interval: 50 });
    } finally {
      await live.close();
    }
  });
});
