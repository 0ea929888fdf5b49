import type { Store } from '../store/database';
import { counterValue, hitCounter, pruneCounters } from '../store/repos/rate-counter-repo';

/** What is counted: failed sign-ins and webhook secrets per client IP, ingest per caller, actions per person. */
export type LimitKind = 'auth-failure' | 'webhook-failure' | 'ingest' | 'webhook' | 'action';

/** Counters per key and one-minute window. */
export interface RateCounter {
  hit(key: string, window: number): Promise<number>;
  peek(key: string, window: number): Promise<number>;
}

export interface LimitVerdict {
  limited: boolean;
  /** Seconds until the current window ends and the limit starts over (at least 1). */
  retryAfterSeconds: number;
}

const WINDOW_MS = 60_000;

/**
 * Per-minute limits (fixed one-minute windows). On PostgreSQL the counters live in the store, so every instance
 * counts against the same limit; on SQLite (one instance) they live in memory.
 */
export class RateLimits {
  constructor(
    private readonly counter: RateCounter,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one more and says whether that went over `max` in this minute. */
  async hit(kind: LimitKind, key: string, max: number): Promise<LimitVerdict> {
    const { window, retryAfterSeconds } = this.window();
    const count = await this.counter.hit(`${kind}:${key}`, window);
    return { limited: count > max, retryAfterSeconds };
  }

  /** Whether `max` is already reached in this minute, without counting. */
  async reached(kind: LimitKind, key: string, max: number): Promise<LimitVerdict> {
    const { window, retryAfterSeconds } = this.window();
    const count = await this.counter.peek(`${kind}:${key}`, window);
    return { limited: count >= max, retryAfterSeconds };
  }

  private window() {
    const now = this.now();
    const window = Math.floor(now / WINDOW_MS);
    return { window, retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000)) };
  }
}

/**
 * Counters of one process, at most `maxKeys` of them: when full, the least recently used key goes (a flood of
 * new addresses pushes out idle ones, never the one that keeps failing, which every check refreshes).
 */
export class MemoryRateCounter implements RateCounter {
  private readonly counts = new Map<string, { window: number; count: number }>();
  constructor(private readonly maxKeys = 50_000) {}

  async hit(key: string, window: number): Promise<number> {
    const known = this.counts.get(key);
    const count = known && known.window === window ? known.count + 1 : 1;
    this.touch(key, { window, count });
    return count;
  }

  async peek(key: string, window: number): Promise<number> {
    const known = this.counts.get(key);
    if (!known) return 0;
    this.touch(key, known);
    return known.window === window ? known.count : 0;
  }

  size(): number {
    return this.counts.size;
  }

  private touch(key: string, value: { window: number; count: number }): void {
    this.counts.delete(key);
    this.counts.set(key, value);
    while (this.counts.size > this.maxKeys) {
      const oldest = this.counts.keys().next().value;
      if (oldest === undefined) break;
      this.counts.delete(oldest);
    }
  }
}

/** Counters in the store's rate_counters table, shared by every instance on it. */
export class StoreRateCounter implements RateCounter {
  private prunedBefore = 0;
  constructor(private readonly store: Store) {}

  async hit(key: string, window: number): Promise<number> {
    if (window - 1 > this.prunedBefore) {
      // Once a minute per instance: earlier windows are never read again.
      this.prunedBefore = window - 1;
      await pruneCounters(this.store.db, window - 1);
    }
    return hitCounter(this.store.db, key, window);
  }

  peek(key: string, window: number): Promise<number> {
    return counterValue(this.store.db, key, window);
  }
}

/** The limits of a store, on the server's clock (a test server's windows start with its fixed start instant). */
export function rateLimitsFor(store: Store, clock: () => Date): RateLimits {
  const counter = store.dialect === 'postgres' ? new StoreRateCounter(store) : new MemoryRateCounter();
  return new RateLimits(counter, () => clock().getTime());
}
