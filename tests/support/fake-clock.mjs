// A clock for the backend run as its own process in tests, loaded before anything else with
// `node --import ./tests/support/fake-clock.mjs --import tsx backend/src/server.ts`. Production code
// is unchanged: only `Date.now()` and `new Date()` (no arguments) move; timers (setTimeout) and
// `performance.now()` keep real time.
//
//   DW_FAKE_NOW=2026-11-01T05:30:00Z   the instant the process starts at (default: the real time)
//   DW_CLOCK_OFFSET_MS=125000          added to the start instant (e.g. "restart 2 minutes later")
//   DW_CLOCK_SPEED=1                   fake milliseconds per real millisecond
//   DW_CLOCK_CONTROL=/path/clock.json  on SIGUSR2 the process reads {"at"?: ISO, "speed"?: number}
//                                      from this file: jump to `at` and/or run at `speed` from then on
//
// The backend's own `GET /healthz` answers `time` from this clock, so a test can see where it is.

import process from 'node:process';

const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);

const env = process.env;
const parsedStart = env.DW_FAKE_NOW ? RealDate.parse(env.DW_FAKE_NOW) : NaN;
if (env.DW_FAKE_NOW && Number.isNaN(parsedStart)) throw new Error(`DW_FAKE_NOW is not a date: ${env.DW_FAKE_NOW}`);
const offset = Number(env.DW_CLOCK_OFFSET_MS ?? 0);
let speed = Number(env.DW_CLOCK_SPEED ?? 1);
if (!Number.isFinite(offset) || !Number.isFinite(speed) || speed <= 0) throw new Error('DW_CLOCK_OFFSET_MS / DW_CLOCK_SPEED must be numbers (speed > 0)');

let realBase = realNow();
let fakeBase = (Number.isNaN(parsedStart) ? realBase : parsedStart) + offset;

const fakeNow = () => Math.floor(fakeBase + (realNow() - realBase) * speed);

const FakeDate = new Proxy(RealDate, {
  construct(target, args, newTarget) {
    return Reflect.construct(target, args.length === 0 ? [fakeNow()] : args, newTarget);
  },
  apply() {
    return new RealDate(fakeNow()).toString();
  },
  get(target, prop, receiver) {
    if (prop === 'now') return fakeNow;
    return Reflect.get(target, prop, receiver);
  },
});
globalThis.Date = FakeDate;

if (env.DW_CLOCK_CONTROL) {
  const { readFileSync } = await import('node:fs');
  const control = env.DW_CLOCK_CONTROL;
  process.on('SIGUSR2', () => {
    let order;
    try {
      order = JSON.parse(readFileSync(control, 'utf8'));
    } catch (err) {
      process.stderr.write(`fake-clock: cannot read ${control}: ${err.message}\n`);
      return;
    }
    const at = order.at === undefined ? fakeNow() : RealDate.parse(order.at);
    if (Number.isNaN(at)) return void process.stderr.write(`fake-clock: bad "at" ${order.at}\n`);
    realBase = realNow();
    fakeBase = at;
    if (typeof order.speed === 'number' && order.speed > 0) speed = order.speed;
    process.stderr.write(`fake-clock: now ${new RealDate(fakeNow()).toISOString()} at ×${speed} (seq ${order.seq ?? '-'})\n`);
  });
}
