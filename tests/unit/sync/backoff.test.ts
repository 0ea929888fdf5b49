import { describe, expect, it } from 'vitest';
import { backoffDelay, createRetryTimer } from '../../../shared/sync';
import { FakeClock } from './fakes';

const options = { initialMs: 100, maxMs: 1_000, factor: 2 };

describe('backoff with full jitter', () => {
  it('grows exponentially up to the cap', () => {
    const ceilings = [0, 1, 2, 3, 4, 10].map((attempt) => backoffDelay(attempt, () => 0.999999, options));
    expect(ceilings).toEqual([99, 199, 399, 799, 999, 999]);
  });

  it('is uniformly jittered down to zero', () => {
    expect(backoffDelay(3, () => 0, options)).toBe(0);
    expect(backoffDelay(3, () => 0.5, options)).toBe(400);
  });

  it('a retry timer counts attempts, fires once and starts over after reset', async () => {
    const clock = new FakeClock();
    const timer = createRetryTimer(clock, () => 0.5, options);
    let runs = 0;
    expect(timer.schedule(() => runs++)).toBe(50);
    expect(timer.schedule(() => runs++)).toBe(100); // replaces the pending one
    await clock.advance(1_000);
    expect(runs).toBe(1);
    expect(timer.attempts).toBe(2);
    timer.reset();
    expect(timer.schedule(() => runs++)).toBe(50);
    timer.cancel();
    await clock.advance(1_000);
    expect(runs).toBe(1);
  });
});
