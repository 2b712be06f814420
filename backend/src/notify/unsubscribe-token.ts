import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token of a one-click unsubscribe link (RFC 8058): which user stops hearing about which case,
 * signed with an HMAC under the server secret, so nobody can forge or alter one. It does not expire:
 * an old email's link must still work. Form: base64url(userId \n caseKey) . base64url(mac).
 */
const PURPOSE = 'docket-watch unsubscribe v1';
const TOKEN = /^[A-Za-z0-9_-]{4,400}\.[A-Za-z0-9_-]{43}$/;

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(`${PURPOSE}\n${payload}`).digest();
}

export function unsubscribeToken(secret: string, userId: string, caseKey: string): string {
  const payload = `${userId}\n${caseKey}`;
  return `${Buffer.from(payload).toString('base64url')}.${mac(secret, payload).toString('base64url')}`;
}

/** The user and case a token names, or null for anything not made by `unsubscribeToken` with this secret. */
export function readUnsubscribeToken(secret: string, token: string): { userId: string; caseKey: string } | null {
  if (!TOKEN.test(token)) return null;
  const [encoded = '', signature = ''] = token.split('.');
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (Buffer.from(payload).toString('base64url') !== encoded) return null; // one encoding per payload
  const lines = payload.split('\n');
  if (lines.length !== 2 || !lines[0] || !lines[1]) return null;
  return { userId: lines[0], caseKey: lines[1] };
}
