import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PoliteQueue } from '../../../../shared/schedule/polite-queue';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-01-15T18:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

/** A task that records when it started and finished, taking `ms` of (fake) time. */
function recorder() {
  const starts: number[] = [];
  let running = 0;
  let maxRunning = 0;
  const task = (ms: number, value: string) => async () => {
    starts.push(Date.now());
    running++;
    maxRunning = Math.max(maxRunning, running);
    await new Promise((r) => setTimeout(r, ms));
    running--;
    return value;
  };
  return { starts, task, maxRunning: () => maxRunning };
}

const gaps = (xs: number[]) => xs.slice(1).map((x, i) => x - (xs[i] ?? 0));

describe('PoliteQueue', () => {
  it('starts 5 queued tasks at least 2 s apart, one at a time, in order', async () => {
    const queue = new PoliteQueue({ random: () => 0.5 });
    const rec = recorder();
    const results = Promise.all(['a', 'b', 'c', 'd', 'e'].map((v) => queue.run(rec.task(300, v))));
    expect(queue.pending).toBe(5);
    await vi.runAllTimersAsync();
    expect(await results).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(rec.starts).toHaveLength(5);
    for (const gap of gaps(rec.starts)) {
      expect(gap).toBeGreaterThanOrEqual(2_000);
      expect(gap).toBeLessThanOrEqual(3_000);
    }
    expect(rec.maxRunning()).toBe(1);
    expect(queue.pending).toBe(0);
  });

  it('adds jitter between 0 and jitterMs to the spacing', async () => {
    const draws = [0, 0.999, 0.25];
    const queue = new PoliteQueue({ spacingMs: 2_000, jitterMs: 1_000, random: () => draws.shift() ?? 0 });
    const rec = recorder();
    void Promise.all([1, 2, 3].map(() => queue.run(rec.task(0, ''))));
    await vi.runAllTimersAsync();
    expect(gaps(rec.starts)).toEqual([2_999, 2_250]);
  });

  it('never overlaps: a slow task delays the next start until it is done', async () => {
    const queue = new PoliteQueue({ random: () => 0 });
    const rec = recorder();
    void Promise.all([queue.run(rec.task(10_000, 'slow')), queue.run(rec.task(0, 'next'))]);
    await vi.runAllTimersAsync();
    expect(gaps(rec.starts)).toEqual([10_000]);
    expect(rec.maxRunning()).toBe(1);
  });

  it('runs the first task at once', async () => {
    const queue = new PoliteQueue();
    const started = vi.fn(async () => 'x');
    const result = queue.run(started);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toHaveBeenCalledTimes(1);
    expect(await result).toBe('x');
  });

  it('pauseUntil holds back the next start (e.g. after a 429 with Retry-After)', async () => {
    const queue = new PoliteQueue({ random: () => 0 });
    const rec = recorder();
    const t0 = Date.now();
    const first = queue.run(rec.task(0, ''));
    await vi.runAllTimersAsync();
    await first;
    queue.pauseUntil(t0 + 60_000);
    const second = queue.run(rec.task(0, ''));
    await vi.advanceTimersByTimeAsync(59_000);
    expect(rec.starts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(rec.starts).toHaveLength(2);
    await vi.runAllTimersAsync();
    await second;
    expect(rec.starts[1]).toBe(t0 + 60_000);
  });

  it('honours a pause extended while a task is already waiting', async () => {
    const queue = new PoliteQueue({ random: () => 0 });
    const rec = recorder();
    const t0 = Date.now();
    void queue.run(rec.task(0, ''));
    void queue.run(rec.task(0, ''));
    await vi.advanceTimersByTimeAsync(1_000); // second is waiting for its 2 s spacing
    queue.pauseUntil(t0 + 30_000);
    await vi.runAllTimersAsync();
    expect(rec.starts[1]).toBe(t0 + 30_000);
  });

  it('keeps going after a task fails, and hands the failure to its caller', async () => {
    const queue = new PoliteQueue({ random: () => 0 });
    const failing = queue.run(async () => {
      throw new Error('boom');
    });
    const next = queue.run(async () => 'ok');
    const settled = Promise.allSettled([failing, next]);
    await vi.runAllTimersAsync();
    const [a, b] = await settled;
    expect(a).toMatchObject({ status: 'rejected', reason: new Error('boom') });
    expect(b).toEqual({ status: 'fulfilled', value: 'ok' });
    expect(queue.pending).toBe(0);
  });

  it('works with an injected clock and sleep, without timers', async () => {
    let clock = 1_000;
    const slept: number[] = [];
    const queue = new PoliteQueue({
      now: () => clock,
      sleep: async (ms) => {
        slept.push(ms);
        clock += ms;
      },
      random: () => 0,
      spacingMs: 5_000,
    });
    const starts: number[] = [];
    await Promise.all([1, 2, 3].map(() => queue.run(async () => void starts.push(clock))));
    expect(starts).toEqual([1_000, 6_000, 11_000]);
    expect(slept).toEqual([5_000, 5_000]);
  });
});
