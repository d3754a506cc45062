import { describe, expect, it } from 'vitest';
import { forEachConcurrent } from '../../src/runner/concurrency.ts';

const tick = () => new Promise((r) => setImmediate(r));

describe('forEachConcurrent', () => {
  it('never has more than the limit in flight and visits every item once', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    await forEachConcurrent([1, 2, 3, 4, 5, 6, 7], 3, new AbortController().signal, async (n) => {
      peak = Math.max(peak, ++inFlight);
      await tick();
      seen.push(n);
      inFlight--;
    });
    expect(peak).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  it('starts nothing new after a failure, and throws the first failure once the calls in flight end', async () => {
    const started: number[] = [];
    await expect(
      forEachConcurrent([1, 2, 3, 4, 5, 6], 2, new AbortController().signal, async (n) => {
        started.push(n);
        await tick();
        if (n === 2) throw new Error('two failed');
      }),
    ).rejects.toThrow('two failed');
    expect(started).toEqual([1, 2, 3]); // 3 began when 1 ended, before 2 failed
  });
  it('starts nothing new after a stop request', async () => {
    const stop = new AbortController();
    const started: number[] = [];
    await forEachConcurrent([1, 2, 3, 4], 1, stop.signal, async (n) => {
      started.push(n);
      if (n === 2) stop.abort();
    });
    expect(started).toEqual([1, 2]);
  });
});
