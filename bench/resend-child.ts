import { createInterface } from 'node:readline';
import { startFakeResend } from '../tests/fakes/resend/server';

// The fake Resend server (tests/fakes/resend) in its own process, for the relay benchmark (so its CPU
// is not counted as the backend's): prints `listening on URL`; each `stats` line on stdin is answered
// with one JSON line of what it received.

const resend = await startFakeResend();
console.log(`listening on ${resend.url} key ${resend.apiKey}`);
const input = createInterface({ input: process.stdin });
input.on('close', () => void resend.close().then(() => process.exit(0))); // the parent is gone
input.on('line', (line) => {
  if (line.trim() !== 'stats') return;
  const stats = { requests: resend.requests.length, emails: resend.emails.length, keys: resend.emails.map((e) => e.idempotencyKey) };
  console.log(`stats ${JSON.stringify(stats)}`);
});
process.on('SIGTERM', () => void resend.close().then(() => process.exit(0)));
