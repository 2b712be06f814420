import { describe, expect, it } from 'vitest';
import type { AlertFacts } from '../../../backend/src/notify/alert-facts';
import { alertEmail } from '../../../backend/src/notify/messages/alert-email';
import { alertSms, alertTwiml, spokenCaseNumber } from '../../../backend/src/notify/messages/phone';
import { DIGEST_SMS_MAX, digestSms, digestTwiml } from '../../../backend/src/notify/messages/digest-phone';
import { maskDigits, maskPhone } from '../../../backend/src/notify/mask';
import { MAX_TRIES, RETRY_CAP_MS, retryDelay } from '../../../backend/src/notify/retry';
import { readUnsubscribeToken, unsubscribeToken } from '../../../backend/src/notify/unsubscribe-token';
import { afterZonedHours, inZonedHours, isTimeZone, lastZonedHour, nextZonedHour, zonedHourStart } from '../../../shared/schedule/zoned';

// Pure parts of the notifier: local hours across DST, retry waits, unsubscribe tokens, wording.

const iso = (ts: number) => new Date(ts).toISOString();
const CHICAGO = 'America/Chicago';

describe('local hours in a time zone (digests, quiet hours)', () => {
  it('7 a.m. in Chicago stays 7 a.m. across the November change (2026-11-01)', () => {
    const saturday7 = Date.parse('2026-10-31T12:00:00Z'); // 7:00 CDT
    const sunday7 = nextZonedHour(saturday7, 7, CHICAGO);
    expect(iso(sunday7)).toBe('2026-11-01T13:00:00.000Z'); // 7:00 CST: a 25-hour day
    expect(iso(nextZonedHour(sunday7, 7, CHICAGO))).toBe('2026-11-02T13:00:00.000Z');
    // 12:00Z on the change day is 6 a.m. CST: not yet the hour.
    expect(iso(nextZonedHour(Date.parse('2026-11-01T12:00:00Z'), 7, CHICAGO))).toBe('2026-11-01T13:00:00.000Z');
  });

  it('the last such hour at or before a time: the same day, or the day before, across both changes', () => {
    expect(iso(lastZonedHour(Date.parse('2026-11-01T13:00:00Z'), 7, CHICAGO))).toBe('2026-11-01T13:00:00.000Z'); // at it
    expect(iso(lastZonedHour(Date.parse('2026-11-01T12:59:00Z'), 7, CHICAGO))).toBe('2026-10-31T12:00:00.000Z'); // 6:59 CST: Saturday's
    expect(iso(lastZonedHour(Date.parse('2026-03-08T14:00:00Z'), 7, CHICAGO))).toBe('2026-03-08T12:00:00.000Z'); // 9:00 CDT
    expect(iso(lastZonedHour(Date.parse('2026-03-08T11:59:00Z'), 7, CHICAGO))).toBe('2026-03-07T13:00:00.000Z'); // 6:59 CDT: Saturday's 7:00 CST
  });

  it('and across the March change (2026-03-08)', () => {
    expect(iso(nextZonedHour(Date.parse('2026-03-07T13:00:00Z'), 7, CHICAGO))).toBe('2026-03-08T12:00:00.000Z'); // 7:00 CDT
  });

  it('an hour that happens twice fires once (the first); an hour that does not exist fires when the clocks jump', () => {
    const first1am = zonedHourStart(2026, 11, 1, 1, CHICAGO);
    expect(iso(first1am)).toBe('2026-11-01T06:00:00.000Z'); // 1:00 CDT
    expect(iso(nextZonedHour(first1am, 1, CHICAGO))).toBe('2026-11-02T07:00:00.000Z'); // not 1:00 CST the same night
    expect(iso(zonedHourStart(2026, 3, 8, 2, CHICAGO))).toBe('2026-03-08T08:00:00.000Z'); // 2:00 does not exist → 3:00 CDT
  });

  it('works in other zones: half-hour offsets, southern-hemisphere DST, UTC', () => {
    expect(iso(nextZonedHour(Date.parse('2026-06-01T00:00:00Z'), 7, 'Asia/Kolkata'))).toBe('2026-06-01T01:30:00.000Z');
    expect(iso(nextZonedHour(Date.parse('2026-10-24T12:00:00Z'), 7, 'Europe/London'))).toBe('2026-10-25T07:00:00.000Z'); // GMT again
    expect(iso(nextZonedHour(Date.parse('2026-10-03T12:00:00Z'), 7, 'Australia/Sydney'))).toBe('2026-10-03T20:00:00.000Z'); // 7:00 AEDT (UTC+11) on Oct 4, the day DST starts
    expect(iso(nextZonedHour(Date.parse('2026-01-01T07:00:00Z'), 7, 'UTC'))).toBe('2026-01-02T07:00:00.000Z');
  });

  it('quiet hours across midnight, and their end', () => {
    const q = { startHour: 22, endHour: 7 };
    const twoAm = Date.parse('2026-03-04T08:00:00Z'); // 2:00 CST
    expect(inZonedHours(twoAm, q, CHICAGO)).toBe(true);
    expect(iso(afterZonedHours(twoAm, q, CHICAGO))).toBe('2026-03-04T13:00:00.000Z');
    const noon = Date.parse('2026-03-04T18:00:00Z');
    expect(inZonedHours(noon, q, CHICAGO)).toBe(false);
    expect(afterZonedHours(noon, q, CHICAGO)).toBe(noon);
    expect(inZonedHours(Date.parse('2026-03-05T04:00:00Z'), q, CHICAGO)).toBe(true); // 22:00 CST
  });

  it('knows real zones only', () => {
    for (const z of ['America/Chicago', 'UTC', 'Europe/Paris']) expect(isTimeZone(z)).toBe(true);
    for (const z of ['Mars/Olympus', '', 'America/Chicago\u0000', 'x'.repeat(100)]) expect(isTimeZone(z)).toBe(false);
  });
});

describe('retry waits', () => {
  it('grow exponentially with jitter, capped at 1 h; 8 tries at most', () => {
    expect(MAX_TRIES).toBe(8);
    expect(retryDelay(1, () => 0)).toBe(15_000);
    expect(retryDelay(1, () => 0.999_999)).toBeLessThanOrEqual(30_000);
    expect(retryDelay(2, () => 0)).toBe(30_000);
    expect(retryDelay(20, () => 0.999_999)).toBeLessThanOrEqual(RETRY_CAP_MS);
    const spread = new Set(Array.from({ length: 20 }, () => retryDelay(5)));
    expect(spread.size).toBeGreaterThan(1);
  });
});

describe('unsubscribe tokens', () => {
  const secret = 's'.repeat(40);
  it('name the user and the case, and only this server can make one', () => {
    const token = unsubscribeToken(secret, 'user-1', 'CT22|22SL-CC00807');
    expect(readUnsubscribeToken(secret, token)).toEqual({ userId: 'user-1', caseKey: 'CT22|22SL-CC00807' });
    expect(readUnsubscribeToken('t'.repeat(40), token)).toBeNull();
    const [payload = '', mac = ''] = token.split('.');
    const otherPayload = Buffer.from('user-2\nCT22|22SL-CC00807').toString('base64url');
    expect(readUnsubscribeToken(secret, `${otherPayload}.${mac}`)).toBeNull();
    expect(readUnsubscribeToken(secret, `${payload}.${mac.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`)).toBeNull();
    for (const junk of ['', 'abc', `${payload}.`, `${payload}.${mac}.x`, '<script>.x']) expect(readUnsubscribeToken(secret, junk)).toBeNull();
  });
});

const facts = (over: Partial<AlertFacts> = {}): AlertFacts => ({
  alertId: 'a1',
  userId: 'u1',
  caseKey: 'CT22|22SL-CC00807',
  caseNumber: '22SL-CC00807',
  caption: 'SMITH V JONES & <ACME>',
  note: 'Call the client <today>',
  caseUrl: 'https://www.courts.mo.gov/casenet/cases/newHeader.do?inputVO.caseNumber=22SL-CC00807&inputVO.courtId=CT22#docket',
  kind: 'new',
  entry: { date: '2026-03-04', title: 'Motion <Dismiss> & Costs', text: '<script>alert(1)</script>', filedBy: 'Jane Roe', onBehalfOf: null, scheduledFor: null, sequence: null },
  previous: null,
  createdAt: 0,
  caseRemoved: false,
  ...over,
});

describe('message wording', () => {
  it('escapes every value in the HTML email', () => {
    const email = alertEmail(facts(), 'a@example.com', 'dlv_1', 'http://x/unsubscribe?token=t');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;');
    expect(email.html).toContain('SMITH V JONES &amp; &lt;ACME&gt;');
    expect(email.subject).toBe('22SL-CC00807 — Motion <Dismiss> & Costs');
  });

  it('a corrected or removed entry is never a new filing', () => {
    for (const [kind, label] of [['changed', 'Corrected entry'], ['removed', 'Removed entry']] as const) {
      const f = facts({ kind, previous: kind === 'changed' ? { ...facts().entry, title: 'Motion to Dismis' } : null });
      const email = alertEmail(f, 'a@example.com', 'dlv_1', 'http://x/u');
      expect(email.subject).toContain(label);
      expect(email.text).toContain(label);
      for (const text of [email.subject, email.text, email.html, alertSms(f), alertTwiml(f)]) {
        expect(text).not.toMatch(/new filing|new (docket )?entry/i);
      }
    }
  });

  it('SMS is short; the call reads the case number character by character, XML-escaped', () => {
    const long = facts({ entry: { ...facts().entry, title: 'x'.repeat(1000) } });
    expect(alertSms(long).length).toBeLessThanOrEqual(320);
    expect(spokenCaseNumber('22SL-CC00807')).toBe('2 2 S L, C C 0 0 8 0 7');
    const twiml = alertTwiml(facts());
    expect(twiml).toMatch(/^<Response><Say>/);
    expect(twiml).toContain('Motion &lt;Dismiss&gt; &amp; Costs');
  });

  it('a digest SMS lists as many cases as fit in 320 characters, then how many more; a digest call reads five', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      facts({ alertId: `a${i}`, caseKey: `CT22|22SL-CC0${String(i).padStart(4, '0')}`, caseNumber: `22SL-CC0${String(i).padStart(4, '0')}`, entry: { ...facts().entry, title: `Motion ${i} ${'x'.repeat(200)}` } }),
    );
    const sms = digestSms(many);
    expect(sms.length).toBeLessThanOrEqual(DIGEST_SMS_MAX);
    expect(sms).toMatch(/^Docket Watch: 12 docket changes on 12 cases: 22SL-CC00000 Motion 0 x+…; /);
    expect(sms).toMatch(/; \+\d+ more\. Details in your Docket Watch dashboard\.$/);
    const twiml = digestTwiml(many);
    expect(twiml.match(/<Say>Case /g)).toHaveLength(5);
    expect(twiml).toContain('<Say>And 7 more cases.</Say>');
  });

  it('a digest names corrections and removals as such, never as new entries', () => {
    const alerts = [facts({ kind: 'changed' }), facts({ alertId: 'a2', caseKey: 'CT22|22SL-CC00001', caseNumber: '22SL-CC00001', kind: 'removed' })];
    expect(digestSms(alerts)).toContain('22SL-CC00001 Removed entry: Motion <Dismiss> & Costs; 22SL-CC00807 Corrected entry: Motion <Dismiss> & Costs');
    for (const text of [digestSms(alerts), digestTwiml(alerts)]) expect(text).not.toMatch(/new filing|new (docket )?entry/i);
    expect(digestTwiml(alerts)).toContain('Corrected entry: Motion &lt;Dismiss&gt; &amp; Costs.');
  });

  it('masks phone numbers for logs', () => {
    expect(maskPhone('+13145550123')).toBe('+1••••••0123');
    expect(maskDigits("The 'To' number +13145550123 is not valid")).not.toContain('3145550123');
  });
});
