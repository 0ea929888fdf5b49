import type { Clock, TimerHandle } from './ports';

/**
 * Exponential backoff with full jitter (the schedule of the `exponential-backoff` package and of AWS's
 * "Exponential Backoff And Jitter"): the n-th retry waits a uniform random time in [0, min(max, base·factor^n)].
 * Written here rather than imported because that package reads the global clock and Math.random, and the
 * sync client must run on an injected clock. This is the one retry schedule: the live socket and the outbox
 * both use `createRetryTimer`.
 */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  factor: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 30_000, factor: 2 };

export function backoffDelay(
  attempt: number,
  random: () => number,
  options: BackoffOptions = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(options.maxMs, options.initialMs * options.factor ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/** Runs `task` after the next backoff delay; `reset()` after a success starts the schedule over. */
export interface RetryTimer {
  /** Schedules one retry (replacing a pending one) and returns its delay. */
  schedule(task: () => void): number;
  /** Runs `task` right away on the next tick of the clock, cancelling a pending retry. */
  now(task: () => void): void;
  reset(): void;
  cancel(): void;
  readonly attempts: number;
  readonly pending: boolean;
}

export function createRetryTimer(
  clock: Clock,
  random: () => number,
  options: BackoffOptions = DEFAULT_BACKOFF,
): RetryTimer {
  let attempts = 0;
  let handle: TimerHandle | null = null;
  const cancel = () => {
    if (handle !== null) clock.clearTimeout(handle);
    handle = null;
  };
  const run = (task: () => void, ms: number) => {
    cancel();
    handle = clock.setTimeout(() => {
      handle = null;
      task();
    }, ms);
  };
  return {
    schedule(task) {
      const ms = backoffDelay(attempts, random, options);
      attempts += 1;
      run(task, ms);
      return ms;
    },
    now(task) {
      run(task, 0);
    },
    reset() {
      attempts = 0;
    },
    cancel,
    get attempts() {
      return attempts;
    },
    get pending() {
      return handle !== null;
    },
  };
}
