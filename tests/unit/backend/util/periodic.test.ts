import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { every } from '../../../../backend/src/util/periodic';

// The loop behind the relay and the poller: one run at a time; `wake` brings the next run forward
// (the relay sends a new alert at once instead of at its next interval).

const silent = pino({ level: 'silent' });
const HOUR = 3_600_000;

describe('every', () => {
  it('runs at once, then waits its interval; wake runs it again now', async () => {
    let runs = 0;
    const loop = every(HOUR, async () => void runs++, silent, 'test');
    await expect.poll(() => runs).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toBe(1);
    loop.wake();
    await expect.poll(() => runs).toBe(2);
    await loop.stop();
  });

  it('a wake during a run gives exactly one more run right after it, never two at once', async () => {
    let runs = 0;
    let active = 0;
    let most = 0;
    let release: () => void = () => undefined;
    const loop = every(
      HOUR,
      async () => {
        runs++;
        active++;
        most = Math.max(most, active);
        if (runs === 1) await new Promise<void>((r) => (release = r));
        active--;
      },
      silent,
      'test',
    );
    await expect.poll(() => runs).toBe(1);
    loop.wake();
    loop.wake();
    release();
    await expect.poll(() => runs).toBe(2);
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toBe(2);
    expect(most).toBe(1);
    await loop.stop();
  });

  it('does nothing once stopped', async () => {
    let runs = 0;
    const loop = every(HOUR, async () => void runs++, silent, 'test');
    await expect.poll(() => runs).toBe(1);
    await loop.stop();
    loop.wake();
    await new Promise((r) => setTimeout(r, 50));
    expect(runs).toBe(1);
  });
});
